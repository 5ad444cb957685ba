#!/usr/bin/env python3
"""Writes the RFC 4733 key presses the SIPp scenarios play (play_pcap_audio).

    python3 scripts/sipp/pcap/make.py

Debian's sip-tester ships one pcap per key, all from one capture and one SSRC, so playing "2"
and then "1" sends the second key with an older RTP timestamp and sequence number, which a
receiver rightly takes for a late packet of an earlier event. These files hold several keys as
one stream: one SSRC, rising sequence numbers and timestamps, each key 100 ms long (start
packet with the marker bit, updates every 20 ms, three end packets) and a gap before the next.

Output: dtmf-<keys>.pcap beside this script, deterministic (same bytes on every run).
"""
import pathlib
import struct

KEYS = "0123456789*#ABCD"
PT = 101          # the telephone-event payload type the scenarios offer
SSRC = 0x4854C1E5
LEAD_MS = 0       # SIPp starts the file when the scenario says
TONE_MS = 100
GAP_MS = 600
VOLUME = 10       # -10 dBm0


def packets(keys):
    """(time in microseconds, RTP bytes) for each packet."""
    out, seq, t_ms = [], 1000, LEAD_MS
    for key in keys:
        code = KEYS.index(key)
        ts = t_ms * 8
        durations = list(range(160, TONE_MS * 8 + 1, 160))
        for i, duration in enumerate(durations):
            out.append((t_ms + 20 * i, rtp(seq, ts, code, False, duration, marker=(i == 0))))
            seq += 1
        end_at = t_ms + 20 * len(durations)
        for _ in range(3):  # the end packet, sent three times (RFC 4733 section 2.5.1.4)
            out.append((end_at, rtp(seq, ts, code, True, durations[-1], marker=False)))
            seq += 1
        t_ms = end_at + GAP_MS
    return [(ms * 1000, p) for ms, p in out]


def rtp(seq, ts, code, end, duration, marker):
    header = struct.pack(">BBHII", 0x80, (0x80 if marker else 0) | PT, seq & 0xFFFF, ts, SSRC)
    event = struct.pack(">BBH", code, (0x80 if end else 0) | VOLUME, duration)
    return header + event


def frame(payload, ident):
    udp = struct.pack(">HHHH", 6000, 6000, 8 + len(payload), 0) + payload
    ip = struct.pack(">BBHHHBBHII", 0x45, 0, 20 + len(udp), ident, 0, 64, 17, 0, 0x7F000001, 0x7F000001) + udp
    return bytes([2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1]) + b"\x08\x00" + ip


def write(keys):
    out = bytearray(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
    for n, (micros, payload) in enumerate(packets(keys)):
        f = frame(payload, n)
        out += struct.pack("<IIII", micros // 1_000_000, micros % 1_000_000, len(f), len(f)) + f
    path = pathlib.Path(__file__).resolve().parent / f"dtmf-{keys.replace('*', 'star').replace('#', 'pound')}.pcap"
    path.write_bytes(bytes(out))
    print(path.name, len(out), "bytes")


for keys in ("21",):
    write(keys)
