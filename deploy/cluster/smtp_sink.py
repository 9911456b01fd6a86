#!/usr/bin/env python3
"""An SMTP server that accepts every message and writes one line per message: epoch seconds and the recipients.

Usage: smtp_sink.py PORT LOGFILE. Uses the standard library's smtpd (Python 3.11 and older, as Debian 12 ships); run with -W ignore::DeprecationWarning.
"""
import asyncore
import smtpd
import sys
import time


class Sink(smtpd.SMTPServer):
    def __init__(self, port, log):
        super().__init__(("127.0.0.1", port), None, decode_data=False)
        self.log = log

    def process_message(self, peer, mailfrom, rcpttos, data, **kwargs):
        with open(self.log, "a") as out:
            out.write("%.3f %s\n" % (time.time(), ",".join(rcpttos)))


if __name__ == "__main__":
    Sink(int(sys.argv[1]), sys.argv[2])
    asyncore.loop()
