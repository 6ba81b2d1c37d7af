#!/usr/bin/env python3
"""A loopback server speaking the Telegram Bot API (the parts Switchboard uses), with test controls.

    python3 fake_telegram.py PORT LOGFILE

The bot token is $FAKE_TELEGRAM_TOKEN (default 123456:TEST-token). Prints "ready" once it listens.
Every request is appended to LOGFILE as one JSON line: {"ts", "http", "path", "method", "params"}, uploaded
files replaced by {"filename", "size", "sha256"} and control payloads without their base64 bytes.

Bot API (http://127.0.0.1:PORT/bot<token>/<method>, GET query string, application/x-www-form-urlencoded,
application/json or multipart/form-data; method names case-insensitive; answers {"ok":true,"result":..}
or {"ok":false,"error_code":N,"description":"..", "parameters"?: {"retry_after": N}}):
  getMe, getUpdates (offset / negative offset / limit / timeout long polling / allowed_updates),
  getFile (+ download at /file/bot<token>/<file_path>), sendMessage, sendPhoto, sendDocument.

Test controls (JSON in, JSON out):
  POST /_control/message  {"chat_id"?, "user": {"id", "first_name", "last_name"?, "username"?},
                           "text"? | "photo"? {"bytes_b64", "width", "height"} |
                           "document"? {"bytes_b64", "file_name", "mime_type"}, "caption"?, "date"?}
                          -> {"update_id", "message_id", "file_id"?}  (update_id null if allowed_updates drops it)
  POST /_control/edit     {"chat_id", "message_id", "text"} -> {"update_id", "edit_date"}
  GET  /_control/sent     -> [{"method", "chat_id", "message_id", "text"|"caption", "parse_mode",
                               "reply_to_message_id", "file"?: {"name", "size", "sha256", "mime_type"}}]
  POST /_control/fail     {"method", "count", "error_code", "description", "retry_after"?}
                          -> the next `count` calls of `method` fail that way (429 always carries
                             parameters.retry_after, default 1)
  GET  /_control/state    -> {"confirmed_offset", "pending_updates", "getupdates_calls", "allowed_updates",
                              "polls_waiting"}

Documentation followed (read 2026 through the stored copies of core.telegram.org):
  https://core.telegram.org/bots/api#making-requests   (4 ways to pass parameters, response shape,
        error_code/description/parameters, methods case-insensitive, UTF-8)
  https://core.telegram.org/bots/api#getupdates        (offset confirms update_id < offset; negative offset keeps
        the last -offset updates and forgets all previous; limit 1-100 default 100; timeout default 0;
        allowed_updates: empty list = all except chat_member, message_reaction, message_reaction_count;
        not specified = previous setting; doesn't affect updates created before the call)
  https://core.telegram.org/bots/api#update, #message, #user, #chat, #photosize, #document, #file
  https://core.telegram.org/bots/api#getfile           (file_path, https://api.telegram.org/file/bot<token>/<file_path>)
  https://core.telegram.org/bots/api#sendmessage       (text 1-4096 characters after entities parsing,
        reply_parameters, parse_mode)
  https://core.telegram.org/bots/api#replyparameters, #sendphoto, #senddocument (caption 0-1024 characters)
  https://core.telegram.org/bots/api#responseparameters (retry_after: seconds left to wait, flood control)

Not in the documentation, taken from what the real server answers (GitHub issues quoting its bodies) or from
the reference server tdlib/telegram-bot-api (Client.cpp) — treat as best knowledge, not contract:
  * 401 "Unauthorized" for a wrong token, 404 "Not Found" for an unknown method (pyTelegramBotAPI#168,
    blt950/vPilot-Pushover#29).
  * Error descriptions "Bad Request: message is too long" (andreoliwa/dontforget#101), "Bad Request: message
    text is empty" (tucnak/telebot#518), "Bad Request: chat not found" (rareMaxim/CloudAPI#91).
    "Bad Request: message to be replied not found", "Bad Request: message caption is too long",
    "Bad Request: invalid file_id", "Bad Request: unsupported parse_mode" are from memory of the real server.
  * 409 "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"
    (eternnoir/pyTelegramBotAPI#543). Which request gets it is NOT documented: telegram-bot-api's
    Client.cpp (do_get_updates -> abort_long_poll -> fail_query_conflict) fails the OLDER long poll that is
    still waiting when a new getUpdates with timeout > 0 finds no update, and the new one takes its place.
    This fake does the same (without the real server's 3-second throttle of repeated conflicts).
  * timeout is clamped to 0..50 and limit to 1..100 (Client.cpp clamps rather than rejecting).
  * 429 description "Too Many Requests: retry after N" (the usual real text; the docs only define
    parameters.retry_after).
  * "4096 characters": counted here as Unicode code points after stripping HTML tags for parse_mode HTML;
    the real server counts after entity parsing (MarkdownV2 is not parsed here).
  * Photos: the fake cannot resize, so a control photo becomes two PhotoSize entries — a 90px "thumbnail"
    (a different tiny PNG, so a client that takes the first size gets the wrong bytes) and the original,
    largest last, as the docs say. Uploaded photos report width/height read from PNG/JPEG headers.
  * Filenames of multipart uploads are kept exactly as sent (no percent-decoding).
"""
import base64
import hashlib
import html
import json
import mimetypes
import os
import re
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, unquote, urlsplit

PORT, LOG = int(sys.argv[1]), sys.argv[2]
TOKEN = os.environ.get("FAKE_TELEGRAM_TOKEN", "123456:TEST-token")
BOT_ID = int(TOKEN.split(":")[0]) if TOKEN.split(":")[0].isdigit() else 123456
BOT_USER = {
    "id": BOT_ID, "is_bot": True, "first_name": "Switchboard Test Bot", "username": "switchboard_test_bot",
    "can_join_groups": True, "can_read_all_group_messages": False, "supports_inline_queries": False,
    "can_connect_to_business": False, "has_main_web_app": False,
}
DEFAULT_EXCLUDED = {"chat_member", "message_reaction", "message_reaction_count"}
LONG_POLL_MAX_TIMEOUT = 50
CONFLICT = "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"
# A valid 1x1 PNG used as the bytes of generated thumbnails.
TINY_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")

cond = threading.Condition()
log_lock = threading.Lock()
S = {
    "next_update_id": 700000001,   # "start from a certain positive number and increase sequentially"
    "queue": [],                   # unconfirmed updates, oldest first
    "confirmed_offset": 0,
    "allowed": None,               # None = default set
    "getupdates_calls": 0,
    "poll_seq": 0,
    "poll_active": None,           # id of the long poll currently waiting
    "aborted": set(),
    "chats": {},                   # chat_id -> Chat
    "messages": {},                # (chat_id, message_id) -> Message
    "next_message_id": {},         # chat_id -> next id
    "files": {},                   # file_id -> {"unique", "bytes", "path", "mime", "name"}
    "next_file": 1,
    "sent": [],
    "fail": {},                    # lower method -> list of failure specs
}


class ApiError(Exception):
    def __init__(self, code, description, parameters=None):
        super().__init__(description)
        self.code, self.description, self.parameters = code, description, parameters


def log(entry):
    entry = dict(entry, ts=round(time.time(), 3))
    with log_lock, open(LOG, "a") as f:
        f.write(json.dumps(entry, ensure_ascii=False) + "\n")


# ---------- request parsing ----------

def parse_multipart(body, content_type):
    """Returns (fields, files) where files[name] = {"filename", "content_type", "bytes"}."""
    m = re.search(r'boundary="?([^";]+)"?', content_type)
    if not m:
        raise ApiError(400, "Bad Request: can't parse multipart/form-data: no boundary")
    boundary = b"--" + m.group(1).encode()
    fields, files = {}, {}
    for chunk in body.split(boundary)[1:]:
        if chunk.startswith(b"--"):
            break
        chunk = chunk[2:] if chunk.startswith(b"\r\n") else chunk
        head, _, data = chunk.partition(b"\r\n\r\n")
        if data.endswith(b"\r\n"):
            data = data[:-2]
        headers = {}
        for line in head.decode("utf-8", "replace").split("\r\n"):
            if ":" in line:
                k, v = line.split(":", 1)
                headers[k.strip().lower()] = v.strip()
        disp = headers.get("content-disposition", "")
        params = dict((k.lower(), v) for k, v in re.findall(r';\s*([\w*]+)="?([^";]*)"?', disp))
        name = params.get("name")
        if name is None:
            continue
        filename = params.get("filename")
        if filename is None and "filename*" in params:
            enc = params["filename*"]
            filename = unquote(enc.split("''", 1)[1]) if "''" in enc else enc
        if filename is not None:
            files[name] = {"filename": filename, "content_type": headers.get("content-type"), "bytes": data}
        else:
            fields[name] = data.decode("utf-8")
    return fields, files


def read_params(handler):
    url = urlsplit(handler.path)
    params = dict(parse_qsl(url.query, keep_blank_values=True))
    files = {}
    length = int(handler.headers.get("Content-Length") or 0)
    body = handler.rfile.read(length) if length else b""
    ctype = (handler.headers.get("Content-Type") or "").lower()
    if body:
        if ctype.startswith("application/json"):
            try:
                data = json.loads(body)
            except ValueError:
                raise ApiError(400, "Bad Request: can't parse JSON object")
            if not isinstance(data, dict):
                raise ApiError(400, "Bad Request: can't parse JSON object")
            params.update(data)
        elif ctype.startswith("application/x-www-form-urlencoded"):
            params.update(parse_qsl(body.decode("utf-8"), keep_blank_values=True))
        elif ctype.startswith("multipart/form-data"):
            fields, files = parse_multipart(body, handler.headers.get("Content-Type"))
            params.update(fields)
    return url.path, params, files


def json_arg(params, name):
    """A 'JSON-serialized' parameter: a string in query/form/multipart, already an object in JSON bodies."""
    v = params.get(name)
    if isinstance(v, str):
        if v == "":
            return None
        try:
            return json.loads(v)
        except ValueError:
            raise ApiError(400, "Bad Request: can't parse %s JSON object" % name)
    return v


def int_arg(params, name, default, lo=None, hi=None):
    v = params.get(name)
    if v is None or v == "":
        return default
    try:
        v = int(v)
    except (TypeError, ValueError):
        raise ApiError(400, "Bad Request: invalid %s specified" % name)
    if lo is not None:
        v = max(lo, v)
    if hi is not None:
        v = min(hi, v)
    return v


def loggable(params, files):
    out = {k: v for k, v in params.items()}
    for name, f in files.items():
        out[name] = {"filename": f["filename"], "size": len(f["bytes"]), "sha256": hashlib.sha256(f["bytes"]).hexdigest()}
    return out


# ---------- model ----------

def image_size(data):
    if data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) >= 24:
        return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    if data[:2] == b"\xff\xd8":
        i = 2
        while i + 9 < len(data):
            if data[i] != 0xFF:
                i += 1
                continue
            marker = data[i + 1]
            seg = int.from_bytes(data[i + 2:i + 4], "big")
            if marker in (0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF):
                return int.from_bytes(data[i + 7:i + 9], "big"), int.from_bytes(data[i + 5:i + 7], "big")
            i += 2 + seg
    return 0, 0


def store_file(data, kind, name=None, mime=None):
    """kind: photos | documents. Returns (file_id, file_unique_id)."""
    n = S["next_file"]
    S["next_file"] += 1
    ext = os.path.splitext(name or "")[1] or (".jpg" if kind == "photos" else "")
    file_id = "BQACAgIAAx-%06d-%s" % (n, hashlib.sha1(data).hexdigest()[:12])
    unique = "AgAD%06d" % n
    S["files"][file_id] = {"unique": unique, "bytes": data, "path": "%s/file_%d%s" % (kind, n, ext), "mime": mime, "name": name}
    return file_id, unique


def photo_sizes(data, width, height):
    scale = 90.0 / max(width, height, 1)
    tid, tunique = store_file(TINY_PNG, "photos", "thumb.png")
    fid, funique = store_file(data, "photos")
    return [
        {"file_id": tid, "file_unique_id": tunique, "width": max(1, int(width * scale)),
         "height": max(1, int(height * scale)), "file_size": len(TINY_PNG)},
        {"file_id": fid, "file_unique_id": funique, "width": width, "height": height, "file_size": len(data)},
    ]


def document_of(data, name, mime):
    fid, unique = store_file(data, "documents", name, mime)
    doc = {"file_id": fid, "file_unique_id": unique, "file_size": len(data)}
    if name is not None:
        doc["file_name"] = name
    if mime:
        doc["mime_type"] = mime
    return doc


def new_message_id(chat_id):
    mid = S["next_message_id"].get(chat_id, 1)
    S["next_message_id"][chat_id] = mid + 1
    return mid


def allowed_types():
    return S["allowed"]


def queue_update(kind, message):
    """Creates an update unless allowed_updates (as set when it is created) filters it out."""
    allowed = allowed_types()
    if (allowed is None and kind in DEFAULT_EXCLUDED) or (allowed is not None and allowed and kind not in allowed):
        return None
    uid = S["next_update_id"]
    S["next_update_id"] += 1
    S["queue"].append({"update_id": uid, kind: message})
    cond.notify_all()
    return uid


# ---------- Bot API methods ----------

def m_getme(params, files):
    return BOT_USER


def m_getupdates(params, files):
    S["getupdates_calls"] += 1
    offset = int_arg(params, "offset", 0)
    limit = int_arg(params, "limit", 100, 1, 100)
    timeout = int_arg(params, "timeout", 0, 0, LONG_POLL_MAX_TIMEOUT)
    allowed = json_arg(params, "allowed_updates")
    if allowed is not None:
        if not isinstance(allowed, list):
            raise ApiError(400, "Bad Request: can't parse allowed_updates JSON array")
        S["allowed"] = [str(a) for a in allowed] if allowed else None  # empty list = the default set
    if offset > 0:
        S["queue"] = [u for u in S["queue"] if u["update_id"] >= offset]
        S["confirmed_offset"] = max(S["confirmed_offset"], offset)
    elif offset < 0:
        S["queue"] = S["queue"][offset:]
        if S["queue"]:
            S["confirmed_offset"] = max(S["confirmed_offset"], S["queue"][0]["update_id"])
    if S["queue"] or timeout == 0:
        return S["queue"][:limit]
    # Long poll: the older waiting poll (if any) is terminated with 409, this one takes its place.
    if S["poll_active"] is not None:
        S["aborted"].add(S["poll_active"])
        cond.notify_all()
    S["poll_seq"] += 1
    me = S["poll_seq"]
    S["poll_active"] = me
    deadline = time.monotonic() + timeout
    while True:
        if me in S["aborted"]:
            S["aborted"].discard(me)
            raise ApiError(409, CONFLICT)
        if S["queue"]:
            break
        left = deadline - time.monotonic()
        if left <= 0:
            break
        cond.wait(left)
    if S["poll_active"] == me:
        S["poll_active"] = None
    return S["queue"][:limit]


def m_getfile(params, files):
    file_id = params.get("file_id")
    f = S["files"].get(file_id)
    if not f:
        raise ApiError(400, "Bad Request: invalid file_id")
    return {"file_id": file_id, "file_unique_id": f["unique"], "file_size": len(f["bytes"]), "file_path": f["path"]}


def resolve_chat(params):
    raw = params.get("chat_id")
    if raw is None or raw == "":
        raise ApiError(400, "Bad Request: chat_id is empty")
    try:
        chat_id = int(raw)
    except (TypeError, ValueError):
        chat_id = None
        for c in S["chats"].values():
            if "@" + str(c.get("username", "")) == raw:
                chat_id = c["id"]
    if chat_id not in S["chats"]:
        raise ApiError(400, "Bad Request: chat not found")
    return chat_id


def reply_target(params, chat_id):
    rp = json_arg(params, "reply_parameters")
    mid = None
    allow = False
    if isinstance(rp, dict):
        mid = rp.get("message_id")
        allow = bool(rp.get("allow_sending_without_reply"))
    elif params.get("reply_to_message_id") not in (None, ""):
        mid = params.get("reply_to_message_id")  # pre-7.0 parameter, still accepted by the real server
    if mid is None:
        return None
    try:
        mid = int(mid)
    except (TypeError, ValueError):
        raise ApiError(400, "Bad Request: invalid reply_parameters specified")
    target = S["messages"].get((chat_id, mid))
    if target is None and not allow:
        raise ApiError(400, "Bad Request: message to be replied not found")
    return target


def visible_text(text, parse_mode):
    if parse_mode and parse_mode.lower() == "html":
        return html.unescape(re.sub(r"<[^>]*>", "", text))
    return text


def check_parse_mode(params):
    pm = params.get("parse_mode")
    if pm not in (None, "") and pm.lower() not in ("html", "markdown", "markdownv2"):
        raise ApiError(400, "Bad Request: unsupported parse_mode")
    return pm or None


def bot_message(chat_id, reply, **content):
    msg = {"message_id": new_message_id(chat_id), "from": BOT_USER_SHORT, "chat": S["chats"][chat_id],
           "date": int(time.time())}
    if reply is not None:
        msg["reply_to_message"] = reply
    msg.update(content)
    S["messages"][(chat_id, msg["message_id"])] = msg
    return msg


BOT_USER_SHORT = {k: BOT_USER[k] for k in ("id", "is_bot", "first_name", "username")}


def m_sendmessage(params, files):
    chat_id = resolve_chat(params)
    pm = check_parse_mode(params)
    text = params.get("text")
    text = "" if text is None else str(text)
    shown = visible_text(text, pm)
    if not shown.strip():
        raise ApiError(400, "Bad Request: message text is empty")
    if len(shown) > 4096:
        raise ApiError(400, "Bad Request: message is too long")
    reply = reply_target(params, chat_id)
    msg = bot_message(chat_id, reply, text=shown)
    S["sent"].append({"method": "sendMessage", "chat_id": chat_id, "message_id": msg["message_id"], "text": text,
                      "parse_mode": pm, "reply_to_message_id": reply["message_id"] if reply else None})
    return msg


def upload_arg(params, files, name):
    """An InputFile (multipart upload) or the file_id of a known file. Returns (bytes, filename, mime)."""
    if name in files:
        f = files[name]
        return f["bytes"], f["filename"], f["content_type"]
    ref = params.get(name)
    if isinstance(ref, str) and ref.startswith("attach://") and ref[9:] in files:
        f = files[ref[9:]]
        return f["bytes"], f["filename"], f["content_type"]
    if isinstance(ref, str) and ref in S["files"]:
        f = S["files"][ref]
        return f["bytes"], f["name"], f["mime"]
    if ref in (None, ""):
        raise ApiError(400, "Bad Request: there is no %s in the request" % name)
    raise ApiError(400, "Bad Request: wrong file identifier/HTTP URL specified")


def send_media(method, params, files, field):
    chat_id = resolve_chat(params)
    pm = check_parse_mode(params)
    caption = params.get("caption")
    caption = None if caption in (None, "") else str(caption)
    if caption is not None and len(visible_text(caption, pm)) > 1024:
        raise ApiError(400, "Bad Request: message caption is too long")
    data, name, mime = upload_arg(params, files, field)
    if mime in (None, "", "application/octet-stream") and name:
        mime = mimetypes.guess_type(name)[0] or mime
    reply = reply_target(params, chat_id)
    content = {}
    if field == "photo":
        w, h = image_size(data)
        fid, unique = store_file(data, "photos", name, mime)
        content["photo"] = [{"file_id": fid, "file_unique_id": unique, "width": w, "height": h, "file_size": len(data)}]
    else:
        content["document"] = document_of(data, name, mime)
    if caption is not None:
        content["caption"] = visible_text(caption, pm)
    msg = bot_message(chat_id, reply, **content)
    S["sent"].append({"method": method, "chat_id": chat_id, "message_id": msg["message_id"], "caption": caption,
                      "parse_mode": pm, "reply_to_message_id": reply["message_id"] if reply else None,
                      "file": {"name": name, "size": len(data), "sha256": hashlib.sha256(data).hexdigest(),
                               "mime_type": mime}})
    return msg


def m_sendphoto(params, files):
    return send_media("sendPhoto", params, files, "photo")


def m_senddocument(params, files):
    return send_media("sendDocument", params, files, "document")


METHODS = {"getme": m_getme, "getupdates": m_getupdates, "getfile": m_getfile, "sendmessage": m_sendmessage,
           "sendphoto": m_sendphoto, "senddocument": m_senddocument}


# ---------- controls ----------

def c_message(body):
    user = body.get("user") or {}
    if "id" not in user or "first_name" not in user:
        raise ValueError("user {id, first_name} is required")
    chat_id = int(body.get("chat_id", user["id"]))
    frm = {"id": int(user["id"]), "is_bot": False, "first_name": user["first_name"]}
    chat = {"id": chat_id, "type": "private", "first_name": user["first_name"]}
    for k in ("last_name", "username"):
        if user.get(k):
            frm[k] = chat[k] = user[k]
    if user.get("language_code"):
        frm["language_code"] = user["language_code"]
    S["chats"][chat_id] = chat
    msg = {"message_id": new_message_id(chat_id), "from": frm, "chat": chat, "date": int(body.get("date") or time.time())}
    out = {}
    if body.get("text") is not None:
        msg["text"] = body["text"]
    if body.get("photo"):
        p = body["photo"]
        msg["photo"] = photo_sizes(base64.b64decode(p["bytes_b64"]), int(p["width"]), int(p["height"]))
        out["file_id"] = msg["photo"][-1]["file_id"]
    if body.get("document"):
        d = body["document"]
        msg["document"] = document_of(base64.b64decode(d["bytes_b64"]), d.get("file_name"), d.get("mime_type"))
        out["file_id"] = msg["document"]["file_id"]
    if body.get("caption") is not None and ("photo" in msg or "document" in msg):
        msg["caption"] = body["caption"]
    S["messages"][(chat_id, msg["message_id"])] = msg
    out.update(update_id=queue_update("message", msg), message_id=msg["message_id"])
    return out


def c_edit(body):
    key = (int(body["chat_id"]), int(body["message_id"]))
    old = S["messages"].get(key)
    if old is None or old["from"].get("is_bot"):
        raise LookupError("no such user message")
    msg = dict(old, text=body["text"], edit_date=int(time.time()))
    S["messages"][key] = msg
    return {"update_id": queue_update("edited_message", msg), "edit_date": msg["edit_date"]}


def c_fail(body):
    method = str(body["method"]).lower()
    spec = {"count": int(body.get("count", 1)), "error_code": int(body["error_code"]),
            "description": body.get("description"), "retry_after": body.get("retry_after")}
    if spec["error_code"] == 429 and spec["retry_after"] is None:
        spec["retry_after"] = 1
    if not spec["description"]:
        spec["description"] = ("Too Many Requests: retry after %d" % spec["retry_after"]) if spec["error_code"] == 429 \
            else "Bad Request: injected failure"
    S["fail"].setdefault(method, []).append(spec)
    return {"ok": True}


def c_state():
    return {"confirmed_offset": S["confirmed_offset"], "pending_updates": len(S["queue"]),
            "getupdates_calls": S["getupdates_calls"], "allowed_updates": S["allowed"],
            "polls_waiting": 0 if S["poll_active"] is None else 1}


def take_failure(method):
    specs = S["fail"].get(method)
    if not specs:
        return None
    spec = specs[0]
    spec["count"] -= 1
    if spec["count"] <= 0:
        specs.pop(0)
    params = {"retry_after": int(spec["retry_after"])} if spec["retry_after"] is not None else None
    return ApiError(spec["error_code"], spec["description"], params)


# ---------- HTTP ----------

class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send_body(self, status, data, ctype="application/json", headers=()):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def send_json(self, status, payload):
        self.send_body(status, json.dumps(payload, ensure_ascii=False).encode())

    def send_error_json(self, code, description, parameters=None):
        payload = {"ok": False, "error_code": code, "description": description}
        if parameters:
            payload["parameters"] = parameters
        self.send_json(code, payload)

    def do_GET(self):
        self.dispatch()

    def do_POST(self):
        self.dispatch()

    def dispatch(self):
        path = urlsplit(self.path).path
        try:
            if path.startswith("/_control/"):
                return self.control(path)
            if path.startswith("/file/bot"):
                return self.download(path)
            self.api()
        except ApiError as e:
            self.send_error_json(e.code, e.description, e.parameters)

    def control(self, path):
        length = int(self.headers.get("Content-Length") or 0)
        body = json.loads(self.rfile.read(length) or b"{}") if length else {}
        shown = json.loads(json.dumps(body))
        for key in ("photo", "document"):
            if isinstance(shown.get(key), dict) and "bytes_b64" in shown[key]:
                shown[key]["bytes_b64"] = "<%d chars>" % len(shown[key]["bytes_b64"])
        log({"http": self.command, "path": path, "method": "_control", "params": shown})
        try:
            with cond:
                if path == "/_control/message" and self.command == "POST":
                    return self.send_json(200, c_message(body))
                if path == "/_control/edit" and self.command == "POST":
                    return self.send_json(200, c_edit(body))
                if path == "/_control/fail" and self.command == "POST":
                    return self.send_json(200, c_fail(body))
                if path == "/_control/sent":
                    return self.send_json(200, S["sent"])
                if path == "/_control/state":
                    return self.send_json(200, c_state())
        except LookupError as e:
            return self.send_json(404, {"error": str(e)})
        except (ValueError, TypeError) as e:
            return self.send_json(400, {"error": str(e)})
        self.send_json(404, {"error": "unknown control " + path})

    def download(self, path):
        rest = path[len("/file/bot"):]
        token, _, file_path = rest.partition("/")
        log({"http": self.command, "path": "/file/bot<token>/" + file_path, "method": "_download", "params": {}})
        if token != TOKEN:
            raise ApiError(401, "Unauthorized")
        with cond:
            f = next((f for f in S["files"].values() if f["path"] == unquote(file_path)), None)
        if f is None:
            raise ApiError(404, "Not Found")
        self.send_body(200, f["bytes"], f["mime"] or "application/octet-stream")

    def api(self):
        path = urlsplit(self.path).path
        m = re.fullmatch(r"/bot([^/]*)/([^/]*)", path)
        if not m:
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            raise ApiError(404, "Not Found")
        token, method = m.group(1), m.group(2)
        _, params, files = read_params(self)
        log({"http": self.command, "path": "/bot<token>/" + method, "method": method, "params": loggable(params, files),
             "token_ok": token == TOKEN})
        if token != TOKEN:
            raise ApiError(401, "Unauthorized")
        fn = METHODS.get(method.lower())
        if fn is None:
            raise ApiError(404, "Not Found")
        with cond:
            failure = take_failure(method.lower())
            if failure is not None:
                if method.lower() == "getupdates":
                    S["getupdates_calls"] += 1  # an injected failure still counts as a call
                raise failure
            result = fn(params, files)
        self.send_json(200, {"ok": True, "result": result})


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A client killed mid-request (the crash tests do it on purpose) is not the server's error.
        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            return
        super().handle_error(request, client_address)


server = Server(("127.0.0.1", PORT), Handler)
print("ready", flush=True)
server.serve_forever()
