//! Splitting an mbox file into messages (mboxo/mboxrd: `From ` separator lines, `>From ` unquoted).

/// The messages of an mbox file, in order, with `>From ` quoting undone.
pub fn split(mbox: &[u8]) -> Vec<Vec<u8>> {
    let mut messages = Vec::new();
    let mut current: Option<Vec<u8>> = None;
    let mut previous_blank = true;
    for line in mbox.split_inclusive(|&b| b == b'\n') {
        if previous_blank && line.starts_with(b"From ") {
            if let Some(done) = current.take() {
                messages.push(trim_separator_blank(done));
            }
            current = Some(Vec::new());
            previous_blank = false;
            continue;
        }
        previous_blank = line == b"\n" || line == b"\r\n";
        let Some(body) = current.as_mut() else {
            // Text before the first separator is not a message (or the file is not an mbox).
            continue;
        };
        let quoted = line.iter().take_while(|&&b| b == b'>').count();
        if quoted > 0 && line[quoted..].starts_with(b"From ") {
            body.extend_from_slice(&line[1..]);
        } else {
            body.extend_from_slice(line);
        }
    }
    if let Some(done) = current {
        messages.push(trim_separator_blank(done));
    }
    messages
}

/// Drops the blank line mbox writers put before the next `From ` separator.
fn trim_separator_blank(mut message: Vec<u8>) -> Vec<u8> {
    if message.ends_with(b"\r\n\r\n") {
        message.truncate(message.len() - 2);
    } else if message.ends_with(b"\n\n") {
        message.truncate(message.len() - 1);
    }
    message
}

/// Whether `bytes` look like an mbox file rather than a single message.
pub fn looks_like_mbox(bytes: &[u8]) -> bool {
    bytes.starts_with(b"From ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_unquotes() {
        let mbox = b"From a@x Mon Jan  1 00:00:00 2026\nSubject: one\n\nHello\n>From here\n>>From there\n\nFrom b@x Mon Jan  1 00:00:00 2026\nSubject: two\n\nBody\nFrom inside a paragraph is not a separator\n";
        let messages = split(mbox);
        assert_eq!(messages.len(), 2);
        assert_eq!(messages[0], b"Subject: one\n\nHello\nFrom here\n>From there\n");
        assert!(messages[1].ends_with(b"Body\nFrom inside a paragraph is not a separator\n"));
    }

    #[test]
    fn empty_or_foreign_input_has_no_messages() {
        assert!(split(b"").is_empty());
        assert!(split(b"Subject: not an mbox\n\nbody\n").is_empty());
    }
}
