#!/usr/bin/env python3
"""A loopback server speaking the OpenAI chat-completions protocol, with scripted failures, for tests.

    python3 fake_openai.py PORT SCENARIO LOGFILE

Scenarios: ok, latency (answers after $FAKE_LATENCY_MS, default 300 ms), rate_limit_once (429 + Retry-After: 1, then ok), server_error (500), slow (answers after
5 s), malformed (content is not JSON), bad_category (a category outside the taxonomy), llamacpp_schema (json_schema
refused with a 500 validation error, as llama-cpp-python does), no_schema (rejects
response_format json_schema with 400, accepts json_object), wrapped (JSON inside prose and a code fence).
Every request body is appended to LOGFILE as one JSON line, its HTTP headers under "_headers" and the
number of requests in flight when it arrived under "_inflight". Prints "ready" once it listens.
"""
import json
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PORT, SCENARIO, LOG = int(sys.argv[1]), sys.argv[2], sys.argv[3]
LATENCY_MS = int(os.environ.get("FAKE_LATENCY_MS", "300"))
state = {"requests": 0, "inflight": 0}
lock = threading.Lock()


def classify(text):
    lower = text.lower()
    if "refund" in lower or "退款" in text:
        return "returns_refunds", "high", "negative"
    if "invoice" in lower or "发票" in text:
        return "billing", "normal", "neutral"
    return "product_inquiry", "low", "neutral"


def answer(body):
    user = next((m["content"] for m in body["messages"] if m["role"] == "user"), "")
    category, priority, sentiment = classify(user)
    if SCENARIO == "bad_category":
        category = "free_pizza"
    result = {
        "category": category,
        "priority": priority,
        "sentiment": sentiment,
        "language": "zh" if any("\u4e00" <= c <= "\u9fff" for c in user) else "en",
        "summary": "Customer wants their money back" if category == "returns_refunds" else "Customer has a question",
        "entities": ["AUR-2026-104233"] if "AUR-2026-104233" in user else [],
        "next_step": "Check the order and refund it",
        "confidence": 0.93,
    }
    content = json.dumps(result, ensure_ascii=False)
    if SCENARIO == "malformed":
        content = '{"category": "billing", "priority": '
    if SCENARIO == "wrapped":
        content = "Sure! Here is the classification:\n```json\n" + content + "\n```\nHope this helps."
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": body.get("model", "fake"),
        "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 321, "completion_tokens": 45, "total_tokens": 366},
    }


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def send_json(self, status, payload, headers=()):
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self):
        with lock:
            state["inflight"] += 1
            inflight = state["inflight"]
        try:
            self.handle_post(inflight)
        finally:
            with lock:
                state["inflight"] -= 1

    def handle_post(self, inflight):
        length = int(self.headers.get("Content-Length", 0))
        body = json.loads(self.rfile.read(length))
        body["_authorization"] = self.headers.get("Authorization")
        with lock, open(LOG, "a") as f:
            logged = dict(body, _headers={k.lower(): v for k, v in self.headers.items()}, _inflight=inflight)
            f.write(json.dumps(logged, ensure_ascii=False) + "\n")
        state["requests"] += 1
        if not self.path.endswith("/chat/completions"):
            return self.send_json(404, {"error": {"message": "unknown path " + self.path}})
        if SCENARIO == "rate_limit_once" and state["requests"] == 1:
            return self.send_json(429, {"error": {"message": "Rate limit reached", "type": "rate_limit"}}, [("Retry-After", "1")])
        if SCENARIO == "server_error":
            return self.send_json(500, {"error": {"message": "The server had an error"}})
        if SCENARIO == "slow":
            time.sleep(5)
        if SCENARIO == "latency":
            time.sleep(LATENCY_MS / 1000)
        fmt = (body.get("response_format") or {}).get("type")
        if SCENARIO == "llamacpp_schema" and fmt == "json_schema":
            # What llama-cpp-python's server answers: a 500 carrying the validation error.
            return self.send_json(500, {"error": {"message": "1 validation error: ('body', 'response_format', 'type') Input should be 'text' or 'json_object'"}})
        if SCENARIO == "no_schema" and fmt == "json_schema":
            return self.send_json(400, {"error": {"message": "response_format json_schema is not supported by this model"}})
        if "response_format" not in body:
            # A reply draft (free text), in the customer's language.
            user = next((m["content"] for m in body["messages"] if m["role"] == "user"), "")
            text = "您好，我们正在核实您的订单，稍后回复您。" if "发票" in user or "退款" in user else "Hello, we are checking your order and will get back to you shortly."
            return self.send_json(200, {"id": "chatcmpl-draft", "object": "chat.completion", "model": body.get("model"),
                                        "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}],
                                        "usage": {"prompt_tokens": 500, "completion_tokens": 40, "total_tokens": 540}})
        self.send_json(200, answer(body))


server = ThreadingHTTPServer(("127.0.0.1", PORT), Handler)
print("ready", flush=True)
server.serve_forever()
