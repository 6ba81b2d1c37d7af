//! Content-addressed files (attachments) beside the database: `attachments/ab/cdef…`.
//! Writing the same bytes twice stores them once; a file is complete or absent (temp + rename).

use std::io::Write;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::{Error, Result};

#[derive(Clone, Debug)]
pub struct BlobStore {
    root: PathBuf,
}

impl BlobStore {
    pub fn new(root: PathBuf) -> Self {
        BlobStore { root }
    }

    /// Hex sha256 of `bytes`, the blob's name.
    pub fn hash(bytes: &[u8]) -> String {
        hex::encode(Sha256::digest(bytes))
    }

    pub fn path_of(&self, sha256: &str) -> PathBuf {
        let (dir, rest) = sha256.split_at(2.min(sha256.len()));
        self.root.join(dir).join(rest)
    }

    /// Stores `bytes` and returns their hash. Existing blobs are not rewritten.
    pub fn put(&self, bytes: &[u8]) -> Result<String> {
        let sha = Self::hash(bytes);
        let path = self.path_of(&sha);
        if path.exists() {
            return Ok(sha);
        }
        let dir = path.parent().unwrap_or(&self.root);
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        let mut tmp = tempfile_in(dir)?;
        tmp.1.write_all(bytes).map_err(|e| Error::io(&tmp.0, e))?;
        drop(tmp.1);
        std::fs::rename(&tmp.0, &path).map_err(|e| Error::io(&path, e))?;
        Ok(sha)
    }

    pub fn get(&self, sha256: &str) -> Result<Vec<u8>> {
        let path = self.path_of(sha256);
        std::fs::read(&path).map_err(|e| Error::io(path, e))
    }
}

fn tempfile_in(dir: &Path) -> Result<(PathBuf, std::fs::File)> {
    let name = format!(".tmp-{}-{}", std::process::id(), crate::time::now_ms());
    for attempt in 0..100u32 {
        let path = dir.join(format!("{name}-{attempt}"));
        match std::fs::OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(file) => return Ok((path, file)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(Error::io(path, e)),
        }
    }
    Err(Error::Invalid(format!(
        "could not create a temporary file in {}",
        dir.display()
    )))
}
