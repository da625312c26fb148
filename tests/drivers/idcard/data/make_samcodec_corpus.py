#!/usr/bin/env python3
"""Writes the seed corpus of the SAM codec fuzz target (tests/drivers/idcard/fuzz/samcodecfuzz.cpp).

Every frame of reference/devices.md §1, read replies of all four card types, and the line
trouble the simulator injects. Checksums are computed here, never copied. The first byte of each
input also chooses how the fuzz target splits it into reads. Run it from anywhere; it rewrites
tests/drivers/idcard/data/samcodec-corpus/seed-*.
"""
import os
import random

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "samcodec-corpus")
PRE = bytes.fromhex("AAAAAA9669")


def frame(body: bytes) -> bytes:
    n = len(body) + 1
    covered = bytes([n >> 8, n & 0xFF]) + body
    chk = 0
    for b in covered:
        chk ^= b
    return PRE + covered + bytes([chk])


def ucs2(fields):
    block = bytearray(b" \x00" * 128)
    for offset, text in fields:
        data = text.encode("utf-16-le")
        block[offset:offset + len(data)] = data
    return bytes(block)


def read_reply(text: bytes, photo: bytes, fingerprint=None) -> bytes:
    lengths = len(text).to_bytes(2, "big") + len(photo).to_bytes(2, "big")
    payload = text + photo
    if fingerprint is not None:
        lengths += len(fingerprint).to_bytes(2, "big")
        payload += fingerprint
    return frame(b"\x00\x00\x90" + lengths + payload)


rng = random.Random(7064)
photo = bytes(rng.randrange(256) for _ in range(1024))
cards = {
    "resident": ucs2([(0, "李文静"), (30, "2"), (32, "01"), (36, "19880612"), (52, "安徽省合肥市蜀山区长江西路189号"),
                      (122, "340104198806122521"), (158, "合肥市公安局蜀山分局"), (188, "20160301"), (204, "20360301")]),
    "resident-long-term": ucs2([(0, "张国华"), (30, "1"), (32, "03"), (36, "19550308"), (122, "340102195503081519"),
                                (188, "20120920"), (204, "长期")]),
    "permit-j": ucs2([(0, "陈嘉欣"), (30, "2"), (36, "19900215"), (122, "81000019900215302X"), (188, "20240701"),
                      (204, "20290701"), (220, "H12345678"), (238, "02"), (248, "J")]),
    "foreign-2017-i": ucs2([(0, "SMITH, JOHN ANDREW"), (120, "1"), (122, "USA340080011601"), (152, "USA"), (158, "史密斯"),
                            (188, "20190520"), (204, "20290519"), (220, "19800116"), (236, "01"), (240, "3400"), (248, "I")]),
    "foreign-2023-y": ucs2([(0, "威廉斯"), (30, "2"), (32, "00"), (36, "19850315"), (52, "WILLIAMS-BROWN, CHARLOTTE E"),
                            (122, "934826198503150015"), (188, "20231201"), (204, "20331130"), (220, "LIZABETH"),
                            (242, "GBR"), (248, "Y")]),
}

seeds = {
    "find": frame(bytes.fromhex("2001")),
    "select": frame(bytes.fromhex("2002")),
    "read": frame(bytes.fromhex("3001")),
    "status-ok": frame(bytes.fromhex("000090")),
    "no-card": frame(bytes.fromhex("000080")),
    "card-found": frame(bytes.fromhex("00009F") + bytes(4)),
    "select-ok": frame(bytes.fromhex("000090") + bytes(8)),
    "sam-id": frame(bytes.fromhex("000090") + bytes.fromhex("05000000340100000000000012345678")),
    "sam-self-test-failed": frame(bytes.fromhex("000060")),
    "read-failed": frame(bytes.fromhex("000041")),
    "noise-then-frame": bytes.fromhex("FF00AAAA96AAAAAA") + frame(bytes.fromhex("000080")),
    "bad-checksum-then-frame": frame(bytes.fromhex("000090"))[:-1] + b"\x00" + frame(bytes.fromhex("000080")),
    "bad-length": PRE + b"\xff\xff" + frame(bytes.fromhex("000090")),
    "two-frames": frame(bytes.fromhex("000090")) + frame(bytes.fromhex("00009F") + bytes(4)),
    "truncated-read": read_reply(cards["resident"], photo)[:700],
    "read-lengths-disagree": frame(b"\x00\x00\x90\x01\x00\x04\x01" + cards["resident"] + photo),
}
for name, text in cards.items():
    seeds["read-" + name] = read_reply(text, photo)
seeds["read-fingerprint-resident"] = read_reply(cards["resident"], photo, bytes(rng.randrange(256) for _ in range(1024)))
seeds["read-fingerprint-empty"] = read_reply(cards["permit-j"], photo, b"")
seeds["text-block-resident"] = cards["resident"]
seeds["text-block-y"] = cards["foreign-2023-y"]

os.makedirs(HERE, exist_ok=True)
for name, data in seeds.items():
    with open(os.path.join(HERE, "seed-" + name), "wb") as f:
        f.write(data)
print(f"{len(seeds)} seeds in {HERE}")
