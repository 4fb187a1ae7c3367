"""A webhook receiver in Python's standard library, verifying with the Standard Webhooks library.

    pip install standardwebhooks
    WEBHOOK_SECRET=whsec_... PORT=8080 python receiver.py
"""
import json
import os
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from standardwebhooks.webhooks import Webhook, WebhookVerificationError

webhook = Webhook(os.environ["WEBHOOK_SECRET"])  # the whsec_... shown once when the subscription was created
seen = set()  # use your database in earnest: a unique index on webhook-id


class Receiver(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("content-length", 0)))  # the raw bytes, exactly as sent
        try:
            event = webhook.verify(body, dict(self.headers))  # checks the signature and the timestamp's age
        except WebhookVerificationError:
            self.send_response(400)
            self.end_headers()
            return
        webhook_id = self.headers["webhook-id"]  # the same on every retry and redelivery of this event
        if webhook_id not in seen:
            seen.add(webhook_id)
            # Answer fast: hand the work to a queue of your own, then say 2xx.
            print(json.dumps({"verified": webhook_id, "type": event["type"]}), flush=True)
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


server = ThreadingHTTPServer(("127.0.0.1", int(os.environ.get("PORT", "8080"))), Receiver)
print(json.dumps({"listening": server.server_address[1]}), flush=True)
server.serve_forever()
