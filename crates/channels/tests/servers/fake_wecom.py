#!/usr/bin/env python3
"""A loopback server speaking the WeCom 微信客服 (WeChat Customer Service) API, with test controls.

    python3 fake_wecom.py PORT LOGFILE

Corp id $FAKE_WECOM_CORPID (default ww-test-corp), secret $FAKE_WECOM_SECRET (default test-secret), the one
customer-service account $FAKE_WECOM_KFID (default wk-test-kf). Prints "ready" once it listens. Every request is
appended to LOGFILE as one JSON line {"ts", "http", "path", "query", "body"} (control bytes_b64 elided).

API (http://127.0.0.1:PORT instead of https://qyapi.weixin.qq.com; answers always HTTP 200 with errcode/errmsg):
  GET  /cgi-bin/gettoken?corpid=&corpsecret=        -> {errcode, errmsg, access_token, expires_in: 7200}
  POST /cgi-bin/kf/sync_msg?access_token=           {cursor?, token?, limit?, voice_format?, open_kfid?}
                                                    -> {errcode, errmsg, next_cursor, has_more, msg_list}
  GET  /cgi-bin/media/get?access_token=&media_id=   -> the bytes (Content-Type, Content-disposition; Range ok)
  POST /cgi-bin/kf/customer/batchget?access_token=  {external_userid_list, need_enter_session_context?}
                                                    -> {errcode, errmsg, customer_list, invalid_external_userid}
  POST /cgi-bin/kf/send_msg?access_token=           {touser, open_kfid, msgid?, msgtype, text: {content}}
                                                    (or image/voice/video/file: {media_id})
                                                    -> {errcode, errmsg, msgid}
  POST /cgi-bin/media/upload?access_token=&type=    multipart/form-data, the file in the part named "media"
                                                    -> {errcode, errmsg, type, media_id, created_at}

Test controls (JSON in, JSON out):
  POST /_control/message  {"external_userid", "msgtype": "text"|"image"|"voice"|"video"|"file"|"event",
                           "text"?: "..." (or {"content": ".."}),
                           "bytes_b64"?, "file_name"?, "content_type"?   (media types; or nested in "media": {..}),
                           "send_time"?: unix seconds (default now), "origin"?: 3 (default) | 5,
                           "servicer_userid"? (origin 5), "event"?: {"event_type": "enter_session", "scene"?,
                           "scene_param"?, "welcome_code"?, ...any other documented event fields}}
                          -> {"msgid", "media_id"?, "token"}  (token = what the kf_msg_or_event callback carries)
  GET  /_control/sent     -> [{"msgid", "touser", "open_kfid", "msgtype", "content"?, "media_id"?, "send_time",
                               "file_name"?, "content_type"?, "bytes_b64"? (an uploaded file's name and bytes)}]
  POST /_control/expire_token  {} -> {"expired": N}   every issued access_token is expired from now on
  POST /_control/fail     {"path": "/cgi-bin/kf/sync_msg", "count", "errcode", "errmsg"?} -> the next `count`
                          calls of that path answer that error (checked before the access_token)
  POST /_control/customer {"external_userid", "nickname", "avatar"?, "gender"?, "unionid"?,
                           "avatar_b64"?, "avatar_type"?}  (a picture served at GET /_avatar/<external_userid>,
                           standing in for WeChat's image server; "avatar" then points there)
  GET  /_control/state    -> {"messages", "tokens", "sent"}

Documentation followed (stored copies of developer.work.weixin.qq.com):
  https://developer.work.weixin.qq.com/document/path/91039  获取access_token (gettoken, expires_in 7200, WeCom may
        invalidate early)
  https://developer.work.weixin.qq.com/document/path/94670  接收消息和事件 / 读取消息 kf/sync_msg (cursor: the
        next_cursor of the previous call, absent = from the earliest message within 3 days; limit default and max
        1000, fewer may come back, use has_more; origin 3 = sent by the WeChat customer, 4 = system event,
        5 = sent by a servicer in the WeCom client; open_kfid/external_userid are not returned at top level for
        msgtype event; messages sent through kf/send_msg are NOT readable through sync_msg; media ids of
        image/voice/video/file; event enter_session with scene, scene_param, welcome_code)
  https://developer.work.weixin.qq.com/document/path/96486  获取临时素材 media/get (Content-Type, Content-disposition:
        attachment; filename="..."; error {"errcode": 40007, "errmsg": "invalid media_id"}; Range -> 206;
        media_id valid 3 days)
  上传临时素材 media/upload — read in the 微信客服 mirror https://www.kancloud.cn/dabashan/qiwei/2376081 and the
        WeCom page https://developer.work.weixin.qq.com/document/path/90389 (via QQ::weixin::work::media):
        multipart/form-data, part name "media" with filename (the name WeChat shows); type image|voice|video|file;
        media_id valid 3 days; answer {"type", "media_id", "created_at": "<unix seconds as a string>"}.
        Size limits (image 10 MB JPG/PNG, voice 2 MB AMR, video 10 MB MP4, file 20 MB, every file over 5 bytes) and
        their error codes 40004/40005/40006 (不合法的媒体文件类型 / 不合法的文件类型 / 不合法的文件大小) come from the
        global error-code page and third-party summaries, not the upload page itself.
  https://developer.work.weixin.qq.com/document/path/96429  获取客户基础信息 kf/customer/batchget (1-100 ids;
        only customers who entered a session or messaged within the last 48 hours, others in
        invalid_external_userid; enter_session_context with need_enter_session_context=1)
  发送消息 kf/send_msg — the official page was not among the stored copies; read in its mirror
        https://www.kancloud.cn/dabashan/qiwei/2376075 (a copy of the 微信客服 developer docs): within 48 hours of
        the customer's message, at most 5 messages, quota renewed when the customer writes again; msgid optional, <= 32 bytes,
        [0-9a-zA-Z_-]*, returned as given; text.content at most 2048 bytes
  https://developer.work.weixin.qq.com/document/path/90455  全局错误码 — read there: 40001 不合法的secret参数,
        40007 不合法的media_id参数, 40008 不合法的msgtype参数, 40013 不合法的CorpID, 40014 不合法的access_token.
        42001 access_token已过期: quoted from WeCom's error-code tool in NotFound403/wecom-sdk#22 (and seen in
        langbot-app/LangBot#986). 41001 缺少access_token参数 and 45009 接口调用超过限制: lower on the same page,
        past the part the stored copy showed me — from memory. 95000 不合法的open_kfid, 95001 发送客服消息次数限制
        (5 per customer message), 95002 发送客服消息时间限制 (48 hours), 95003: read in the 微信客服 mirror of the
        page, kancloud.cn/dabashan/qiwei/2376083. 95018 "send msg session status invalid": GitHub issues
        (langbot-app/LangBot#1547, whyiyhw/chatgpt-wechat#128).

Could not confirm from the docs (say so plainly):
  * errmsg texts. The docs say to rely on errcode only. Real answers look like "<text>, hint: [<id>], from ip:
    <ip>, more info at https://open.work.weixin.qq.com/devtool/query?e=<code>" (langbot-app/LangBot#986 for
    42001 "access_token expired"; docs for 40007 "invalid media_id"; developers.weixin.qq.com community thread for
    40014 "invalid access_token"); "invalid credential" (40001), "invalid corpid" (40013), "access_token missing"
    (41001), "api freq out of limit" (45009), "invalid open_kfid" (95000), "send msg count limit" (95001) and
    "send msg time limit" (95002) are guesses.
  * 40096 (不合法的外部联系人userid) for a send_msg touser the fake has never seen: seen in the wild
    (w7corp/easywechat#2621), not in the send_msg page.
  * 44004 for empty text, 45002 for text over 2048 bytes, 40035 for a malformed cursor / over 100 ids / bad msgid:
    plausible global codes, not documented for these APIs.
  * Whether the 48-hour / 5-message rule counts only origin-3 messages (the fake: yes; enter_session alone does
    not open the window — the docs offer send_msg_on_event with welcome_code for that) and what answers a touser
    who never wrote (the fake: 95002).
  * A repeated gettoken returns the same token while it is valid (older text of 91039; the 2024 text dropped it).
  * sync_msg's `token` is accepted without checking; voice_format is ignored (bytes are returned as stored);
    the 3-day window is applied to send_time; an unknown open_kfid answers 95000, an absent one means ours.
  * Content-disposition for non-ASCII names: filename="<ASCII fallback>"; filename*=UTF-8''<percent-encoded>.
  * service_state (95018 "send msg session status invalid") is not modelled; inject it with /_control/fail.
"""
import base64
import email.parser
import email.policy
import hashlib
import json
import mimetypes
import os
import re
import secrets
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, quote, unquote, urlsplit

PORT, LOG = int(sys.argv[1]), sys.argv[2]
CORPID = os.environ.get("FAKE_WECOM_CORPID", "ww-test-corp")
SECRET = os.environ.get("FAKE_WECOM_SECRET", "test-secret")
KFID = os.environ.get("FAKE_WECOM_KFID", "wk-test-kf")
TOKEN_TTL = 7200
WINDOW = 48 * 3600
REPLIES_PER_MESSAGE = 5
SYNC_WINDOW = 3 * 24 * 3600
MEDIA_TTL = 3 * 24 * 3600

ERRMSG = {
    40001: "invalid credential", 40004: "invalid media type", 40005: "invalid file type",
    40006: "invalid file size", 40007: "invalid media_id", 40008: "invalid message type",
    40013: "invalid corpid", 40014: "invalid access_token", 40035: "invalid parameter",
    40096: "invalid external userid", 41001: "access_token missing", 42001: "access_token expired",
    44004: "empty content", 45002: "content size out of limit", 45009: "api freq out of limit",
    95000: "invalid open_kfid", 95001: "send msg count limit", 95002: "send msg time limit",
}

lock = threading.Lock()
S = {
    "tokens": {},      # token -> {"expires_at", "expired"}
    "current": None,   # the token gettoken hands out while valid
    "stream": [],      # every readable message, in arrival order
    "media": {},       # media_id -> {"bytes", "content_type", "file_name", "created"}
    "customers": {},   # external_userid -> profile
    "activity": {},    # external_userid -> {"last_message", "last_enter", "enter_context", "replies"}
    "sent": [],
    "avatars": {},     # external_userid -> (bytes, content type), served at /_avatar/<id>
    "fail": {},        # path -> [spec]
    "seq": 0,
}


class WeComError(Exception):
    def __init__(self, code, msg=None):
        super().__init__(code)
        self.code, self.msg = code, msg


def errmsg(code, msg=None):
    text = msg or ERRMSG.get(code, "error")
    return "%s, hint: [%d%s], from ip: 127.0.0.1, more info at https://open.work.weixin.qq.com/devtool/query?e=%d" % (
        text, int(time.time() * 1000), secrets.token_hex(4), code)


def log(entry):
    entry = dict(entry, ts=round(time.time(), 3))
    with open(LOG, "a") as f:
        f.write(json.dumps(entry, ensure_ascii=False) + "\n")


def next_id(prefix):
    S["seq"] += 1
    return "%s%06d%s" % (prefix, S["seq"], secrets.token_hex(6))


# ---------- cursors: an opaque string naming a position in the stream ----------

def make_cursor(pos):
    return base64.urlsafe_b64encode(("pos:%d" % pos).encode()).decode().rstrip("=")


def read_cursor(cursor):
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        kind, _, n = raw.partition(":")
        if kind != "pos":
            raise ValueError
        return int(n)
    except (ValueError, UnicodeDecodeError):
        raise WeComError(40035, "invalid cursor")


# ---------- auth ----------

def check_token(query):
    token = query.get("access_token")
    if not token:
        raise WeComError(41001)
    t = S["tokens"].get(token)
    if t is None:
        raise WeComError(40014)
    if t["expired"] or time.time() >= t["expires_at"]:
        raise WeComError(42001)


def api_gettoken(query, body):
    if query.get("corpid") != CORPID:
        raise WeComError(40013)
    if query.get("corpsecret") != SECRET:
        raise WeComError(40001)
    cur = S["current"] and S["tokens"].get(S["current"])
    now = time.time()
    if not cur or cur["expired"] or now >= cur["expires_at"]:
        token = "tok-" + secrets.token_urlsafe(24)
        S["tokens"][token] = {"expires_at": now + TOKEN_TTL, "expired": False}
        S["current"] = token
    token = S["current"]
    return {"access_token": token, "expires_in": max(1, int(S["tokens"][token]["expires_at"] - now))}


# ---------- sync_msg ----------

def api_sync_msg(query, body):
    check_token(query)
    kfid = body.get("open_kfid")
    if kfid not in (None, "", KFID):
        raise WeComError(95000)
    limit = body.get("limit", 1000)
    try:
        limit = int(limit)
    except (TypeError, ValueError):
        raise WeComError(40035, "invalid limit")
    limit = 1000 if limit <= 0 else min(limit, 1000)
    cursor = body.get("cursor")
    start = read_cursor(cursor) if cursor else 0
    if start > len(S["stream"]):
        raise WeComError(40035, "invalid cursor")
    oldest = time.time() - SYNC_WINDOW
    out, pos = [], start
    while pos < len(S["stream"]) and len(out) < limit:
        msg = S["stream"][pos]
        pos += 1
        if msg["send_time"] >= oldest:
            out.append(msg)
    has_more = any(m["send_time"] >= oldest for m in S["stream"][pos:])
    return {"next_cursor": make_cursor(pos), "has_more": 1 if has_more else 0, "msg_list": out}


# ---------- media ----------

def media_get(handler, query):
    check_token(query)
    media = S["media"].get(query.get("media_id") or "")
    if media is None or time.time() - media["created"] > MEDIA_TTL:
        raise WeComError(40007)
    data = media["bytes"]
    name = media["file_name"] or query["media_id"]
    ascii_name = name.encode("ascii", "replace").decode().replace("?", "_").replace('"', "_")
    disp = 'attachment; filename="%s"' % ascii_name
    if ascii_name != name:
        disp += "; filename*=UTF-8''%s" % quote(name, safe="")
    headers = [("Content-disposition", disp), ("Cache-Control", "no-cache, must-revalidate"),
               ("Accept-Ranges", "bytes")]
    status = 200
    rng = handler.headers.get("Range")
    m = re.fullmatch(r"\s*bytes[= ](\d*)-(\d*)\s*", rng or "")
    if m and (m.group(1) or m.group(2)):
        total = len(data)
        if m.group(1):
            a = int(m.group(1))
            b = min(int(m.group(2)), total - 1) if m.group(2) else total - 1
        else:
            a, b = max(0, total - int(m.group(2))), total - 1
        if a <= b < total:
            data = data[a:b + 1]
            status = 206
            headers.append(("Content-Range", "bytes %d-%d/%d" % (a, b, total)))
    return status, data, media["content_type"], headers


# ---------- customers ----------

def active_within_48h(uid, now):
    act = S["activity"].get(uid)
    if not act:
        return False
    last = max(act.get("last_message") or 0, act.get("last_enter") or 0)
    return now - last <= WINDOW


def api_batchget(query, body):
    check_token(query)
    ids = body.get("external_userid_list")
    if not isinstance(ids, list) or not ids or len(ids) > 100:
        raise WeComError(40035, "external_userid_list must hold 1 to 100 ids")
    want_ctx = int(body.get("need_enter_session_context") or 0) == 1
    now = time.time()
    found, invalid = [], []
    for uid in ids:
        if not active_within_48h(uid, now):
            invalid.append(uid)
            continue
        prof = S["customers"].get(uid, {})
        entry = {"external_userid": uid, "nickname": prof.get("nickname", "微信用户"), "avatar": prof.get("avatar", ""),
                 "gender": int(prof.get("gender", 0)), "unionid": prof.get("unionid", "")}
        ctx = S["activity"][uid].get("enter_context")
        if want_ctx and ctx and now - S["activity"][uid]["last_enter"] <= WINDOW:
            entry["enter_session_context"] = ctx
        found.append(entry)
    return {"customer_list": found, "invalid_external_userid": invalid}


# ---------- send_msg ----------

def api_send_msg(query, body):
    check_token(query)
    if body.get("open_kfid") != KFID:
        raise WeComError(95000)
    touser = body.get("touser")
    if not touser or touser not in S["activity"]:
        raise WeComError(40096)
    msgid = body.get("msgid")
    if msgid is not None and (not isinstance(msgid, str) or len(msgid.encode()) > 32 or not re.fullmatch(r"[0-9a-zA-Z_-]*", msgid)):
        raise WeComError(40035, "invalid msgid")
    msgtype = body.get("msgtype")
    record = {"touser": touser, "open_kfid": KFID, "msgtype": msgtype}
    if msgtype == "text":
        content = (body.get("text") or {}).get("content")
        if not content:
            raise WeComError(44004)
        if len(content.encode("utf-8")) > 2048:
            raise WeComError(45002)
        record["content"] = content
    elif msgtype in ("image", "voice", "video", "file"):
        media_id = (body.get(msgtype) or {}).get("media_id")
        if media_id not in S["media"]:
            raise WeComError(40007)
        record["media_id"] = media_id
        media = S["media"][media_id]
        if media.get("uploaded"):
            record.update(file_name=media["file_name"], content_type=media["content_type"],
                          bytes_b64=base64.b64encode(media["bytes"]).decode())
    else:
        raise WeComError(40008)
    act = S["activity"][touser]
    now = time.time()
    if not act.get("last_message") or now - act["last_message"] > WINDOW:
        raise WeComError(95002)
    if act["replies"] >= REPLIES_PER_MESSAGE:
        raise WeComError(95001)
    act["replies"] += 1
    record["msgid"] = msgid or next_id("kfsend")
    record["send_time"] = int(now)
    S["sent"].append(record)
    return {"msgid": record["msgid"]}


# ---------- media/upload ----------

UPLOAD_LIMITS = {"image": 10 << 20, "voice": 2 << 20, "video": 10 << 20, "file": 20 << 20}
UPLOAD_EXTENSIONS = {"image": (".jpg", ".jpeg", ".png"), "voice": (".amr",), "video": (".mp4",)}


def media_upload(query, content_type, raw):
    check_token(query)
    kind = query.get("type")
    if kind not in UPLOAD_LIMITS:
        raise WeComError(40004)
    parsed = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + raw)
    part = next((p for p in parsed.iter_parts() if p.get_param("name", header="content-disposition") == "media"), None) \
        if parsed.is_multipart() else None
    if part is None:
        raise WeComError(41001 if not raw else 40035, "media part missing")
    data = part.get_payload(decode=True) or b""
    name = part.get_filename() or "file"
    if len(data) <= 5 or len(data) > UPLOAD_LIMITS[kind]:
        raise WeComError(40006)
    if kind in UPLOAD_EXTENSIONS and not name.lower().endswith(UPLOAD_EXTENSIONS[kind]):
        raise WeComError(40005)
    media_id = next_id("upload")
    now = int(time.time())
    S["media"][media_id] = {"bytes": data, "content_type": part.get_content_type(), "file_name": name,
                            "created": now, "uploaded": True}
    return {"type": kind, "media_id": media_id, "created_at": str(now)}


# ---------- controls ----------

def c_message(body):
    uid = body.get("external_userid")
    if not uid:
        raise ValueError("external_userid is required")
    msgtype = body.get("msgtype", "text")
    origin = int(body.get("origin", 4 if msgtype == "event" else 3))
    send_time = int(body.get("send_time") or time.time())
    msg = {"msgid": body.get("msgid") or next_id("from_msgid_"), "send_time": send_time, "origin": origin,
           "msgtype": msgtype}
    out = {"msgid": msg["msgid"]}
    if msgtype != "event":
        msg["open_kfid"] = KFID
        msg["external_userid"] = uid
    if origin == 5:
        msg["servicer_userid"] = body.get("servicer_userid", "servicer01")
    if msgtype == "text":
        t = body.get("text")
        msg["text"] = t if isinstance(t, dict) else {"content": t or ""}
    elif msgtype in ("image", "voice", "video", "file"):
        media = body.get("media") or body
        if "bytes_b64" not in media:
            raise ValueError("bytes_b64 is required for msgtype " + msgtype)
        data = base64.b64decode(media["bytes_b64"])
        name = media.get("file_name")
        ctype = media.get("content_type") or (mimetypes.guess_type(name)[0] if name else None) or {
            "image": "image/jpeg", "voice": "audio/amr", "video": "video/mp4"}.get(msgtype, "application/octet-stream")
        media_id = next_id("media")
        S["media"][media_id] = {"bytes": data, "content_type": ctype, "file_name": name, "created": send_time}
        msg[msgtype] = {"media_id": media_id}
        out["media_id"] = media_id
    elif msgtype == "event":
        ev = dict(body.get("event") or {"event_type": "enter_session"})
        ev.setdefault("open_kfid", KFID)
        ev.setdefault("external_userid", uid)
        msg["event"] = ev
    else:
        extra = body.get(msgtype)
        if extra is not None:
            msg[msgtype] = extra
    S["stream"].append(msg)
    act = S["activity"].setdefault(uid, {"last_message": None, "last_enter": None, "enter_context": None, "replies": 0})
    if origin == 3 and (act["last_message"] is None or send_time >= act["last_message"]):
        act["last_message"] = send_time
        act["replies"] = 0  # the customer wrote again: a fresh quota of 5 ("若用户继续发送消息，企业可再次下发消息")
    if msgtype == "event" and msg["event"].get("event_type") == "enter_session":
        act["last_enter"] = max(act["last_enter"] or 0, send_time)
        act["enter_context"] = {k: msg["event"][k] for k in ("scene", "scene_param", "wechat_channels") if k in msg["event"]}
    out["token"] = "ENC" + secrets.token_urlsafe(32)
    return out


def c_customer(body):
    uid = body["external_userid"]
    S["customers"][uid] = {k: body[k] for k in ("nickname", "avatar", "gender", "unionid") if k in body}
    if "avatar_b64" in body:
        # The picture is served here, standing in for WeChat's image server (wx.qlogo.cn).
        S["avatars"][uid] = (base64.b64decode(body["avatar_b64"]), body.get("avatar_type", "image/jpeg"))
        S["customers"][uid]["avatar"] = "http://127.0.0.1:%d/_avatar/%s" % (PORT, quote(uid, safe=""))
    return {"ok": True}


def c_expire():
    for t in S["tokens"].values():
        t["expired"] = True
    return {"expired": len(S["tokens"])}


def c_fail(body):
    path = body["path"]
    S["fail"].setdefault(path, []).append({"count": int(body.get("count", 1)), "errcode": int(body["errcode"]),
                                           "errmsg": body.get("errmsg")})
    return {"ok": True}


def take_failure(path):
    specs = S["fail"].get(path)
    if not specs:
        return None
    spec = specs[0]
    spec["count"] -= 1
    if spec["count"] <= 0:
        specs.pop(0)
    return WeComError(spec["errcode"], spec["errmsg"])


APIS = {"/cgi-bin/gettoken": api_gettoken, "/cgi-bin/kf/sync_msg": api_sync_msg,
        "/cgi-bin/kf/customer/batchget": api_batchget, "/cgi-bin/kf/send_msg": api_send_msg}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send_body(self, status, data, ctype, headers=()):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def send_json(self, payload, status=200):
        self.send_body(status, json.dumps(payload, ensure_ascii=False).encode(), "application/json; charset=UTF-8")

    def do_GET(self):
        self.dispatch()

    def do_POST(self):
        self.dispatch()

    def dispatch(self):
        url = urlsplit(self.path)
        query = dict(parse_qsl(url.query, keep_blank_values=True))
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            body = json.loads(raw) if raw.strip() else {}
        except ValueError:
            body = None
        shown = body
        if isinstance(body, dict):
            shown = dict(body)
            for holder in (shown, shown.get("media") if isinstance(shown.get("media"), dict) else None):
                if holder and "bytes_b64" in holder:
                    if holder is not shown:
                        holder = shown["media"] = dict(holder)
                    holder["bytes_b64"] = "<%d chars>" % len(holder["bytes_b64"])
        logged_query = {k: v for k, v in query.items() if k != "corpsecret"}
        if "corpsecret" in query:
            logged_query["corpsecret_ok"] = query["corpsecret"] == SECRET
        log({"http": self.command, "path": url.path, "query": logged_query, "body": shown})
        with lock:
            if url.path.startswith("/_avatar/"):
                picture = S["avatars"].get(unquote(url.path[len("/_avatar/"):]))
                if picture is None:
                    return self.send_body(404, b"not found", "text/plain")
                return self.send_body(200, picture[0], picture[1])
            if url.path.startswith("/_control/"):
                return self.control(url.path, body if isinstance(body, dict) else {})
            try:
                failure = take_failure(url.path)
                if failure is not None:
                    raise failure
                if url.path == "/cgi-bin/media/get":
                    status, data, ctype, headers = media_get(self, query)
                    return self.send_body(status, data, ctype, headers)
                if url.path == "/cgi-bin/media/upload":
                    return self.send_json(dict({"errcode": 0, "errmsg": "ok"},
                                               **media_upload(query, self.headers.get("Content-Type", ""), raw)))
                fn = APIS.get(url.path)
                if fn is None:
                    return self.send_json({"errcode": 404, "errmsg": "not found: " + url.path}, 404)
                if body is None:
                    raise WeComError(40035, "Warning: wrong json format.")
                result = fn(query, body)
                self.send_json(dict({"errcode": 0, "errmsg": "ok"}, **result))
            except WeComError as e:
                self.send_json({"errcode": e.code, "errmsg": errmsg(e.code, e.msg)})

    def control(self, path, body):
        try:
            if path == "/_control/message" and self.command == "POST":
                return self.send_json(c_message(body))
            if path == "/_control/customer" and self.command == "POST":
                return self.send_json(c_customer(body))
            if path == "/_control/expire_token" and self.command == "POST":
                return self.send_json(c_expire())
            if path == "/_control/fail" and self.command == "POST":
                return self.send_json(c_fail(body))
            if path == "/_control/sent":
                return self.send_json(S["sent"])
            if path == "/_control/state":
                return self.send_json({"messages": len(S["stream"]), "tokens": len(S["tokens"]), "sent": len(S["sent"])})
        except (KeyError, ValueError, TypeError) as e:
            return self.send_json({"error": str(e)}, 400)
        self.send_json({"error": "unknown control " + path}, 404)


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
