#!/usr/bin/env python3
"""Self-test of fake_telegram.py and fake_wecom.py: starts both on free ports and checks every behaviour the Rust
tests rely on. Run: python3 crates/channels/tests/servers/test_fakes.py  (standard library only, ~10 s)."""
import base64
import hashlib
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import urllib.error
import urllib.request
from urllib.parse import urlencode

HERE = os.path.dirname(os.path.abspath(__file__))
TOKEN = "123456:TEST-token"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(script, env=None):
    port = free_port()
    logfile = tempfile.NamedTemporaryFile(prefix=script, suffix=".log", delete=False).name
    proc = subprocess.Popen([sys.executable, os.path.join(HERE, script), str(port), logfile],
                            stdout=subprocess.PIPE, env=dict(os.environ, **(env or {})))
    assert proc.stdout.readline().strip() == b"ready"
    return proc, "http://127.0.0.1:%d" % port, logfile


def stop(proc, logfile):
    proc.terminate()
    proc.wait()
    proc.stdout.close()
    os.unlink(logfile)


def read_log(path):
    with open(path) as f:
        return [json.loads(line) for line in f]


def http(method, url, data=None, headers=None, timeout=30):
    req = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def jpost(url, payload):
    status, _, body = http("POST", url, json.dumps(payload).encode(), {"Content-Type": "application/json"})
    return status, json.loads(body)


def jget(url):
    status, _, body = http("GET", url)
    return status, json.loads(body)


def multipart(fields, files):
    boundary = "----fakeboundary7MA4YWxkTrZu0gW"
    out = b""
    for k, v in fields.items():
        out += ("--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n%s\r\n" % (boundary, k, v)).encode()
    for k, (name, ctype, data) in files.items():
        out += ("--%s\r\nContent-Disposition: form-data; name=\"%s\"; filename=\"%s\"\r\nContent-Type: %s\r\n\r\n"
                % (boundary, k, name, ctype)).encode() + data + b"\r\n"
    out += ("--%s--\r\n" % boundary).encode()
    return out, "multipart/form-data; boundary=" + boundary


PNG_2x3 = base64.b64decode(  # a valid 2x3 PNG
    "iVBORw0KGgoAAAANSUhEUgAAAAIAAAADCAIAAAA2iEnWAAAAEklEQVR4nGP4z8DAwMDAxMAAAA0KAQEHbBg1AAAAAElFTkSuQmCC")


class Telegram(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.proc, cls.base, cls.log = start("fake_telegram.py")
        cls.api = cls.base + "/bot" + TOKEN + "/"

    @classmethod
    def tearDownClass(cls):
        stop(cls.proc, cls.log)

    def call(self, method, **params):
        return jpost(self.api + method, params)

    def user_message(self, uid=1001, **extra):
        body = {"user": {"id": uid, "first_name": "Ada", "last_name": "L", "username": "ada"}}
        body.update(extra)
        return jpost(self.base + "/_control/message", body)[1]

    def drain(self):
        _, r = self.call("getUpdates", offset=-1)
        if r["result"]:
            self.call("getUpdates", offset=r["result"][-1]["update_id"] + 1)

    def test_01_auth_and_unknown_method(self):
        status, r = jget(self.base + "/botWRONG/getMe")
        self.assertEqual((status, r), (401, {"ok": False, "error_code": 401, "description": "Unauthorized"}))
        status, r = jget(self.api + "fooBar")
        self.assertEqual((status, r["error_code"], r["description"]), (404, 404, "Not Found"))
        status, r = jget(self.api + "getme")  # case-insensitive
        self.assertEqual(status, 200)
        self.assertTrue(r["ok"] and r["result"]["is_bot"] and r["result"]["id"] == 123456)

    def test_02_four_ways_of_passing_parameters(self):
        self.drain()
        self.user_message(text="hi")
        _, r = jget(self.api + "getUpdates?" + urlencode({"limit": 1}))
        self.assertEqual(r["result"][0]["message"]["text"], "hi")
        status, _, body = http("POST", self.api + "getUpdates", urlencode({"limit": 1}).encode(),
                               {"Content-Type": "application/x-www-form-urlencoded"})
        self.assertEqual(json.loads(body)["result"][0]["message"]["text"], "hi")
        body, ctype = multipart({"limit": "1"}, {})
        status, _, raw = http("POST", self.api + "getUpdates", body, {"Content-Type": ctype})
        self.assertEqual(json.loads(raw)["result"][0]["message"]["chat"]["type"], "private")
        self.drain()

    def test_03_offset_confirms_and_negative_offset_forgets(self):
        self.drain()
        ids = [self.user_message(text="m%d" % i)["update_id"] for i in range(4)]
        _, r = self.call("getUpdates")
        self.assertEqual([u["update_id"] for u in r["result"]], ids)
        _, r = self.call("getUpdates")  # not confirmed yet: same again
        self.assertEqual(len(r["result"]), 4)
        _, r = self.call("getUpdates", offset=ids[1] + 1, limit=1)
        self.assertEqual([u["update_id"] for u in r["result"]], [ids[2]])
        _, state = jget(self.base + "/_control/state")
        self.assertEqual((state["confirmed_offset"], state["pending_updates"]), (ids[1] + 1, 2))
        _, r = self.call("getUpdates", offset=-1)
        self.assertEqual([u["update_id"] for u in r["result"]], [ids[3]])
        _, state = jget(self.base + "/_control/state")
        self.assertEqual(state["pending_updates"], 1)  # everything before the last one is forgotten
        self.call("getUpdates", offset=ids[3] + 1)
        _, state = jget(self.base + "/_control/state")
        self.assertEqual(state["pending_updates"], 0)

    def test_04_long_poll_waits_for_timeout_or_update(self):
        self.drain()
        t = time.monotonic()
        _, r = self.call("getUpdates", timeout=1)
        self.assertEqual(r["result"], [])
        self.assertGreaterEqual(time.monotonic() - t, 0.95)
        threading.Timer(0.3, lambda: self.user_message(text="late")).start()
        t = time.monotonic()
        _, r = self.call("getUpdates", timeout=5)
        self.assertLess(time.monotonic() - t, 2)
        self.assertEqual(r["result"][0]["message"]["text"], "late")
        self.drain()

    def test_05_concurrent_get_updates_conflict(self):
        self.drain()
        first = {}
        th = threading.Thread(target=lambda: first.update(r=self.call("getUpdates", timeout=3)))
        th.start()
        time.sleep(0.3)
        t = time.monotonic()
        status, second = self.call("getUpdates", timeout=1)
        th.join()
        self.assertEqual(first["r"][0], 409)
        self.assertEqual(first["r"][1]["description"],
                         "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running")
        self.assertEqual((status, second["result"]), (200, []))
        self.assertGreaterEqual(time.monotonic() - t, 0.95)

    def test_06_allowed_updates_remembered(self):
        self.drain()
        self.call("getUpdates", allowed_updates=["edited_message"])
        before = jget(self.base + "/_control/state")[1]["pending_updates"]
        r = self.user_message(text="dropped")
        self.assertIsNone(r["update_id"])
        self.call("getUpdates")  # not specified: previous setting stays
        self.assertIsNone(self.user_message(text="dropped too")["update_id"])
        self.assertEqual(jget(self.base + "/_control/state")[1]["pending_updates"], before)
        _, e = jpost(self.base + "/_control/edit", {"chat_id": 1001, "message_id": r["message_id"], "text": "edited"})
        _, res = self.call("getUpdates", allowed_updates=[])
        edited = res["result"][-1]
        self.assertEqual(edited["update_id"], e["update_id"])
        self.assertEqual(edited["edited_message"]["text"], "edited")
        self.assertIn("edit_date", edited["edited_message"])
        self.assertIsNotNone(self.user_message(text="back")["update_id"])  # [] = default set again
        self.drain()

    def test_07_photo_document_and_get_file(self):
        self.drain()
        self.user_message(photo={"bytes_b64": base64.b64encode(PNG_2x3).decode(), "width": 2, "height": 3}, caption="pic")
        doc = "发票.pdf 内容".encode()
        self.user_message(document={"bytes_b64": base64.b64encode(doc).decode(), "file_name": "发票.pdf",
                                    "mime_type": "application/pdf"})
        _, r = self.call("getUpdates")
        photo_msg, doc_msg = r["result"][-2]["message"], r["result"][-1]["message"]
        self.assertEqual(photo_msg["caption"], "pic")
        largest = photo_msg["photo"][-1]
        self.assertEqual((largest["width"], largest["height"], largest["file_size"]), (2, 3, len(PNG_2x3)))
        for file_id, expected in ((largest["file_id"], PNG_2x3), (doc_msg["document"]["file_id"], doc)):
            _, f = self.call("getFile", file_id=file_id)
            self.assertEqual(set(f["result"]), {"file_id", "file_unique_id", "file_size", "file_path"})
            status, _, data = http("GET", self.base + "/file/bot" + TOKEN + "/" + f["result"]["file_path"])
            self.assertEqual((status, data), (200, expected))
        self.assertNotEqual(http("GET", self.base + "/file/bot" + TOKEN + "/" + self.call(
            "getFile", file_id=photo_msg["photo"][0]["file_id"])[1]["result"]["file_path"])[2], PNG_2x3)
        self.assertEqual(doc_msg["document"]["file_name"], "发票.pdf")
        self.assertEqual(doc_msg["document"]["mime_type"], "application/pdf")
        status, r = self.call("getFile", file_id="nope")
        self.assertEqual((status, r["description"]), (400, "Bad Request: invalid file_id"))
        self.drain()

    def test_08_send_message_rules(self):
        m = self.user_message(uid=2002, text="question")
        status, r = self.call("sendMessage", chat_id=2002, text="answer", reply_parameters={"message_id": m["message_id"]})
        self.assertEqual(status, 200)
        self.assertEqual(r["result"]["reply_to_message"]["message_id"], m["message_id"])
        self.assertEqual(r["result"]["chat"]["id"], 2002)
        status, _, raw = http("POST", self.api + "sendMessage", urlencode(
            {"chat_id": 2002, "text": "<b>x</b>", "parse_mode": "HTML",
             "reply_parameters": json.dumps({"message_id": m["message_id"]})}).encode(),
            {"Content-Type": "application/x-www-form-urlencoded"})
        self.assertEqual(json.loads(raw)["result"]["text"], "x")
        self.assertEqual(self.call("sendMessage", chat_id=2002, text="é" * 4096)[0], 200)
        self.assertEqual(self.call("sendMessage", chat_id=2002, text="é" * 4097),
                         (400, {"ok": False, "error_code": 400, "description": "Bad Request: message is too long"}))
        self.assertEqual(self.call("sendMessage", chat_id=2002, text="")[1]["description"], "Bad Request: message text is empty")
        self.assertEqual(self.call("sendMessage", chat_id=999, text="x")[1]["description"], "Bad Request: chat not found")
        sent = jget(self.base + "/_control/sent")[1]
        self.assertEqual(sent[0]["reply_to_message_id"], m["message_id"])
        self.assertEqual(sent[0]["text"], "answer")

    def test_09_uploads(self):
        self.user_message(uid=3003, text="send me files")
        body, ctype = multipart({"chat_id": "3003", "caption": "the photo"}, {"photo": ("p.png", "image/png", PNG_2x3)})
        status, _, raw = http("POST", self.api + "sendPhoto", body, {"Content-Type": ctype})
        r = json.loads(raw)
        self.assertEqual((status, r["result"]["photo"][-1]["width"], r["result"]["caption"]), (200, 2, "the photo"))
        data = os.urandom(5000)
        body, ctype = multipart({"chat_id": "3003"}, {"document": ("报告.bin", "application/octet-stream", data)})
        status, _, raw = http("POST", self.api + "sendDocument", body, {"Content-Type": ctype})
        self.assertEqual(json.loads(raw)["result"]["document"]["file_name"], "报告.bin")
        sent = [s for s in jget(self.base + "/_control/sent")[1] if s["chat_id"] == 3003]
        self.assertEqual([s["method"] for s in sent], ["sendPhoto", "sendDocument"])
        self.assertEqual(sent[1]["file"], {"name": "报告.bin", "size": 5000, "sha256": hashlib.sha256(data).hexdigest(),
                                           "mime_type": "application/octet-stream"})
        self.assertEqual(sent[0]["caption"], "the photo")

    def test_10_injected_failures(self):
        self.user_message(uid=4004, text="hi")
        jpost(self.base + "/_control/fail", {"method": "sendMessage", "count": 2, "error_code": 429,
                                              "description": "Too Many Requests: retry after 3", "retry_after": 3})
        for _ in range(2):
            status, r = self.call("sendMessage", chat_id=4004, text="x")
            self.assertEqual((status, r["parameters"]), (429, {"retry_after": 3}))
        self.assertEqual(self.call("sendMessage", chat_id=4004, text="x")[0], 200)
        jpost(self.base + "/_control/fail", {"method": "getUpdates", "count": 1, "error_code": 502, "description": "Bad Gateway"})
        calls = jget(self.base + "/_control/state")[1]["getupdates_calls"]
        self.assertEqual(self.call("getUpdates")[0], 502)
        self.assertEqual(jget(self.base + "/_control/state")[1]["getupdates_calls"], calls + 1)

    def test_11_log_has_no_file_bytes(self):
        lines = read_log(self.log)
        self.assertTrue(any(l["method"] == "sendDocument" and "sha256" in l["params"]["document"] for l in lines))
        self.assertFalse(any("bytes_b64" in json.dumps(l) and "chars>" not in json.dumps(l) for l in lines))


class WeCom(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.proc, cls.base, cls.log = start("fake_wecom.py")

    @classmethod
    def tearDownClass(cls):
        stop(cls.proc, cls.log)

    def token(self):
        _, r = jget(self.base + "/cgi-bin/gettoken?corpid=ww-test-corp&corpsecret=test-secret")
        self.assertEqual((r["errcode"], r["errmsg"], r["expires_in"] > 7000), (0, "ok", True))
        return r["access_token"]

    def post(self, path, payload, token=None):
        return jpost(self.base + path + "?access_token=" + (token or self.token()), payload)[1]

    def customer_says(self, uid, **extra):
        body = {"external_userid": uid, "msgtype": "text", "text": "hello"}
        body.update(extra)
        return jpost(self.base + "/_control/message", body)[1]

    def send(self, uid, text="reply", **extra):
        body = {"touser": uid, "open_kfid": "wk-test-kf", "msgtype": "text", "text": {"content": text}}
        body.update(extra)
        return self.post("/cgi-bin/kf/send_msg", body)

    def test_01_tokens(self):
        _, r = jget(self.base + "/cgi-bin/gettoken?corpid=ww-test-corp&corpsecret=wrong")
        self.assertEqual(r["errcode"], 40001)
        self.assertEqual(self.post("/cgi-bin/kf/sync_msg", {}, token="bogus")["errcode"], 40014)
        tok = self.token()
        self.assertEqual(self.post("/cgi-bin/kf/sync_msg", {}, token=tok)["errcode"], 0)
        jpost(self.base + "/_control/expire_token", {})
        r = self.post("/cgi-bin/kf/sync_msg", {}, token=tok)
        self.assertEqual(r["errcode"], 42001)
        self.assertIn("more info at https://open.work.weixin.qq.com/devtool/query?e=42001", r["errmsg"])
        self.assertNotEqual(self.token(), tok)

    def test_02_sync_msg_types_and_pagination(self):
        tok = self.token()
        start = self.post("/cgi-bin/kf/sync_msg", {"open_kfid": "wk-test-kf"}, tok)
        cursor = start["next_cursor"]
        jpost(self.base + "/_control/message", {"external_userid": "wm-a", "msgtype": "event",
                                                 "event": {"event_type": "enter_session", "scene": "s1", "scene_param": "p"}})
        self.customer_says("wm-a", text="你好")
        img = self.customer_says("wm-a", msgtype="image", bytes_b64=base64.b64encode(PNG_2x3).decode(), file_name="a.png")
        self.customer_says("wm-a", msgtype="voice", bytes_b64=base64.b64encode(b"#!AMR\n123").decode())
        f = self.customer_says("wm-a", msgtype="file", media={"bytes_b64": base64.b64encode(b"%PDF-1.4 x").decode(),
                                                               "file_name": "合同.pdf"})
        self.customer_says("wm-a", origin=5, servicer_userid="zhangsan", text="agent typed in WeCom")
        got, pages = [], 0
        while True:
            r = self.post("/cgi-bin/kf/sync_msg", {"cursor": cursor, "limit": 2, "open_kfid": "wk-test-kf"}, tok)
            self.assertEqual(r["errcode"], 0)
            self.assertLessEqual(len(r["msg_list"]), 2)
            got += r["msg_list"]
            cursor = r["next_cursor"]
            pages += 1
            if not r["has_more"]:
                break
        self.assertEqual(pages, 3)
        self.assertEqual([m["msgtype"] for m in got], ["event", "text", "image", "voice", "file", "text"])
        self.assertEqual([m["origin"] for m in got], [4, 3, 3, 3, 3, 5])
        self.assertNotIn("external_userid", got[0])
        self.assertEqual(got[0]["event"]["external_userid"], "wm-a")
        self.assertEqual(got[1]["text"]["content"], "你好")
        self.assertEqual(got[2]["image"]["media_id"], img["media_id"])
        self.assertEqual(got[5]["servicer_userid"], "zhangsan")
        self.assertEqual(self.post("/cgi-bin/kf/sync_msg", {"cursor": cursor}, tok)["msg_list"], [])
        self.assertEqual(self.post("/cgi-bin/kf/sync_msg", {"open_kfid": "wk-other"}, tok)["errcode"], 95000)
        # media/get
        status, headers, data = http("GET", self.base + "/cgi-bin/media/get?access_token=%s&media_id=%s" % (tok, f["media_id"]))
        self.assertEqual((status, data, headers["Content-Type"]), (200, b"%PDF-1.4 x", "application/pdf"))
        self.assertIn("filename*=UTF-8''%E5%90%88%E5%90%8C.pdf", headers["Content-disposition"])
        status, _, data = http("GET", self.base + "/cgi-bin/media/get?access_token=%s&media_id=%s" % (tok, f["media_id"]),
                               headers={"Range": "bytes=0-3"})
        self.assertEqual((status, data), (206, b"%PDF"))
        _, r = jget(self.base + "/cgi-bin/media/get?access_token=%s&media_id=nope" % tok)
        self.assertEqual(r["errcode"], 40007)

    def test_03_sent_messages_not_in_sync_and_batchget(self):
        tok = self.token()
        cursor = self.post("/cgi-bin/kf/sync_msg", {}, tok)["next_cursor"]
        self.customer_says("wm-b")
        jpost(self.base + "/_control/customer", {"external_userid": "wm-b", "nickname": "小明", "avatar": "http://a/b.png"})
        self.assertEqual(self.send("wm-b", msgid="my-id_1")["msgid"], "my-id_1")
        r = self.post("/cgi-bin/kf/sync_msg", {"cursor": cursor}, tok)
        self.assertEqual([m["origin"] for m in r["msg_list"]], [3])  # the API-sent reply is not readable
        r = self.post("/cgi-bin/kf/customer/batchget", {"external_userid_list": ["wm-b", "wm-nobody"]}, tok)
        self.assertEqual(r["customer_list"][0]["nickname"], "小明")
        self.assertEqual(set(r["customer_list"][0]), {"external_userid", "nickname", "avatar", "gender", "unionid"})
        self.assertEqual(r["invalid_external_userid"], ["wm-nobody"])
        sent = jget(self.base + "/_control/sent")[1]
        self.assertEqual((sent[-1]["touser"], sent[-1]["content"]), ("wm-b", "reply"))

    def test_04_48_hour_window(self):
        self.customer_says("wm-old", send_time=int(time.time()) - 49 * 3600)
        self.assertEqual(self.send("wm-old")["errcode"], 95002)
        self.customer_says("wm-recent", send_time=int(time.time()) - 47 * 3600)
        self.assertEqual(self.send("wm-recent")["errcode"], 0)
        tok = self.token()
        r = self.post("/cgi-bin/kf/customer/batchget", {"external_userid_list": ["wm-old", "wm-recent"]}, tok)
        self.assertEqual(r["invalid_external_userid"], ["wm-old"])

    def test_05_five_replies_per_customer_message(self):
        self.customer_says("wm-c")
        for i in range(5):
            self.assertEqual(self.send("wm-c", "r%d" % i)["errcode"], 0)
        self.assertEqual(self.send("wm-c", "r5")["errcode"], 95001)
        self.customer_says("wm-c", text="still there?")
        self.assertEqual(self.send("wm-c", "again")["errcode"], 0)
        self.assertEqual(self.send("wm-c", "x" * 2049)["errcode"], 45002)
        self.assertEqual(self.send("wm-nobody")["errcode"], 40096)

    def test_06_injected_failure(self):
        jpost(self.base + "/_control/fail", {"path": "/cgi-bin/kf/sync_msg", "count": 1, "errcode": 45009})
        tok = self.token()
        self.assertEqual(self.post("/cgi-bin/kf/sync_msg", {}, tok)["errcode"], 45009)
        self.assertEqual(self.post("/cgi-bin/kf/sync_msg", {}, tok)["errcode"], 0)

    def test_07_log(self):
        lines = read_log(self.log)
        self.assertTrue(any(l["path"] == "/cgi-bin/kf/send_msg" for l in lines))
        self.assertFalse(any("test-secret" in json.dumps(l, ensure_ascii=False) for l in lines))


if __name__ == "__main__":
    unittest.main(verbosity=2)
