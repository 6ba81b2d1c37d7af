#!/usr/bin/env python3
"""A real SMTP server on loopback for tests (aiosmtpd): stores every message it accepts as a numbered .eml
file in OUTDIR, requires AUTH with the given user and password, and rejects recipients whose local part
starts with "reject". Prints "ready" once it listens.

    python3 smtp_sink.py OUTDIR PORT USER PASSWORD [LMTP_PORT SENT_RECIPIENT]

With LMTP_PORT and SENT_RECIPIENT (e.g. alice+Sent for tests/servers/dovecot.sh), every accepted message
is first filed into that mailbox over LMTP, before the 250 reply: what Gmail and Office 365 do with mail
submitted by SMTP (it appears in the sender's Sent folder the moment the server takes it).
"""
import asyncio
import os
import signal
import smtplib
import sys

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Sink:
    def __init__(self, outdir, sent=None):
        self.outdir = outdir
        self.sent = sent

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.split("@")[0].startswith("reject"):
            return "550 5.1.1 no such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.sent:
            port, recipient = self.sent
            with smtplib.LMTP("127.0.0.1", port) as lmtp:
                lmtp.sendmail(envelope.mail_from or "", [recipient], envelope.original_content or envelope.content)
        count = len([n for n in os.listdir(self.outdir) if n.endswith(".eml")])
        path = os.path.join(self.outdir, f"{count:05d}.eml")
        with open(path + ".tmp", "wb") as f:
            f.write(envelope.original_content or envelope.content)
        os.rename(path + ".tmp", path)
        return "250 2.0.0 stored"


def main():
    outdir, port, user, password = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
    sent = (int(sys.argv[5]), sys.argv[6]) if len(sys.argv) > 6 else None

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user and auth_data.password.decode() == password
        return AuthResult(success=ok, handled=False)

    controller = Controller(
        Sink(outdir, sent),
        hostname="127.0.0.1",
        port=port,
        authenticator=authenticator,
        auth_required=True,
        auth_require_tls=False,
    )
    controller.start()
    print("ready", flush=True)
    stop = asyncio.Event()
    loop = asyncio.new_event_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    loop.run_until_complete(stop.wait())
    controller.stop()


if __name__ == "__main__":
    main()
