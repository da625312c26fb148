#!/usr/bin/env python3
# Computes signature-vectors.json with the openssl command line, independently of the kiosk's
# RequestSigner, so the test compares the signer against a second implementation of the contract.
# Run once by hand (it needs `openssl` 3 with SM3); the output is committed.
import json
import subprocess

SECRET_HEX = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"

CASES = [
    ("POST", "/terminal/v1/cases", "2026-11-23T13:05:00+08:00", "0123456789abcdef0123456789abcdef",
     '{"item_code":"340100-000-ZZ-0002-01","form":{"phone":"13912345678","address":"合肥市蜀山区"}}'),
    ("GET", "/terminal/v1/cases?holder_token=h%2Btok%3D&x=1", "2026-11-23T05:05:00+00:00", "00ff00ff00ff00ff", ""),
    ("POST", "/terminal/v1/heartbeat", "2026-01-01T00:00:00-05:30", "a" * 64,
     '{"version":"0.1.0","uptime_s":42,"queue":{"pending":0,"oldest_s":0,"failed":0},"devices":[],"disk_free_mb":100}'),
]


def digest(alg, data):
    out = subprocess.run(["openssl", "dgst", "-" + alg, "-r"], input=data, capture_output=True, check=True).stdout
    return out.split()[0].decode()


def hmac(alg, data):
    out = subprocess.run(["openssl", "dgst", "-" + alg, "-mac", "HMAC", "-macopt", "hexkey:" + SECRET_HEX, "-r"],
                         input=data, capture_output=True, check=True).stdout
    return out.split()[0].decode()


vectors = []
for alg_name, alg in (("HMAC-SHA256", "sha256"), ("HMAC-SM3", "sm3")):
    for method, path, timestamp, nonce, body in CASES:
        body_bytes = body.encode("utf-8")
        body_hash = digest(alg, body_bytes)
        canonical = "\n".join([method, path, timestamp, nonce, body_hash])
        vectors.append({
            "algorithm": alg_name, "secret_hex": SECRET_HEX, "method": method, "path": path,
            "timestamp": timestamp, "nonce": nonce, "body": body,
            "body_hash": body_hash, "signature": hmac(alg, canonical.encode("utf-8")),
        })

with open("signature-vectors.json", "w", encoding="utf-8") as f:
    json.dump({"source": "openssl dgst (see make-signature-vectors.py)", "vectors": vectors}, f,
              ensure_ascii=False, indent=2)
    f.write("\n")
