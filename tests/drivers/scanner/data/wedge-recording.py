#!/usr/bin/env python3
"""Writes wedge-scans.events (raw struct input_event records, as `cat /dev/input/eventN` or
`evtest --grab` reads them on x86-64) and wedge-scans.evemu (the same events in evemu-record's
listing) for a keyboard-wedge QR scanner reading four codes. Key codes come from the kernel's
input-event-codes.h and HID usages from the HID usage tables, not from the kiosk's own encoder,
so the driver is tested against a stream it did not make. See README.md."""
import re
import struct

CODES = {}
with open('/usr/include/linux/input-event-codes.h') as header:
    for name, value in re.findall(r'#define\s+((?:KEY|EV|SYN|MSC)_\w+)\s+(0x[0-9a-fA-F]+|\d+)\b', header.read()):
        CODES[name] = int(value, 0)

# HID keyboard usage page (0x07) for each key the scanner presses; MSC_SCAN reports 0x70000 + usage.
USAGE = {f'KEY_{c}': 0x04 + i for i, c in enumerate('ABCDEFGHIJKLMNOPQRSTUVWXYZ')}
USAGE.update({f'KEY_{d}': 0x1e + i for i, d in enumerate('123456789')})
USAGE.update({'KEY_0': 0x27, 'KEY_ENTER': 0x28, 'KEY_SPACE': 0x2c, 'KEY_MINUS': 0x2d, 'KEY_SLASH': 0x38,
              'KEY_DOT': 0x37, 'KEY_SEMICOLON': 0x33, 'KEY_EQUAL': 0x2e, 'KEY_CAPSLOCK': 0x39,
              'KEY_KPMINUS': 0x56, 'KEY_KPENTER': 0x58, 'KEY_KP0': 0x62, 'KEY_LEFTSHIFT': 0xe1, 'KEY_LEFTALT': 0xe2})
USAGE.update({f'KEY_KP{d}': 0x59 + i for i, d in enumerate('123456789')})

# The US layout: character -> (key, shifted)
LAYOUT = {c: (f'KEY_{c.upper()}', False) for c in 'abcdefghijklmnopqrstuvwxyz'}
LAYOUT.update({c: (f'KEY_{c}', True) for c in 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'})
LAYOUT.update({d: (f'KEY_{d}', False) for d in '0123456789'})
LAYOUT.update({' ': ('KEY_SPACE', False), '-': ('KEY_MINUS', False), '/': ('KEY_SLASH', False), '.': ('KEY_DOT', False),
               ':': ('KEY_SEMICOLON', True), '?': ('KEY_SLASH', True), '=': ('KEY_EQUAL', False)})

events = []  # (microseconds, type, code, value)
clock = 1700000000 * 1000000


def report(key, value):
    """One HID report's worth of events: the scan code, the key, the frame's end. 2 ms apart,
    as a full-speed scanner typing at its fastest setting."""
    global clock
    events.append((clock, CODES['EV_MSC'], CODES['MSC_SCAN'], 0x70000 + USAGE[key]))
    events.append((clock, CODES['EV_KEY'], CODES[key], value))
    events.append((clock, CODES['EV_SYN'], CODES['SYN_REPORT'], 0))
    clock += 2000


def tap(key):
    report(key, 1)
    report(key, 0)


def type_text(text, keypad_digits=False):
    for c in text:
        if keypad_digits and c.isdigit():
            tap(f'KEY_KP{c}')
            continue
        if keypad_digits and c == '-':
            tap('KEY_KPMINUS')
            continue
        key, shifted = LAYOUT[c]
        if shifted:
            report('KEY_LEFTSHIFT', 1)
        tap(key)
        if shifted:
            report('KEY_LEFTSHIFT', 0)


def alt_code(number):
    """Alt held while the code's digits are typed on the keypad: how Windows-minded scanners send
    a character outside ASCII (here a GB18030 double byte)."""
    report('KEY_LEFTALT', 1)
    for d in str(number):
        tap(f'KEY_KP{d}')
    report('KEY_LEFTALT', 0)


def pause(seconds):
    global clock
    clock += int(seconds * 1000000)


pause(1.0)
# 1. A link with capitals, ':' and '?', typed with Shift.
type_text('Https://ZWFW.ah.gov.cn/q?c=42')
tap('KEY_ENTER')
pause(1.5)
# 2. A two-line code: the scanner types Enter for the line break inside it and at its end; the
#    second line's digits and dash come from the keypad ("keypad emulation").
type_text('CASE 340103-0042')
tap('KEY_ENTER')
type_text('DATE 2026-11-23', keypad_digits=True)
tap('KEY_KPENTER')
pause(1.5)
# 3. A scanner that compensates for CapsLock: it presses CapsLock, types letters without Shift,
#    one with Shift (lower case under CapsLock), and releases CapsLock again.
tap('KEY_CAPSLOCK')
for key in ['KEY_A', 'KEY_B', 'KEY_C', 'KEY_MINUS', 'KEY_7', 'KEY_F', 'KEY_3', 'KEY_K']:
    tap(key)
report('KEY_LEFTSHIFT', 1)
tap('KEY_X')
report('KEY_LEFTSHIFT', 0)
tap('KEY_CAPSLOCK')
tap('KEY_ENTER')
pause(1.5)
# 4. Chinese in GB18030 through Alt+keypad codes, then ASCII.
for ch in '预约号：':
    high, low = ch.encode('gb18030')
    alt_code(high << 8 | low)
type_text('A017')
tap('KEY_ENTER')

with open('wedge-scans.events', 'wb') as out:
    for at, type_, code, value in events:
        out.write(struct.pack('<qqHHi', at // 1000000, at % 1000000, type_, code, value))

names = {}
for name, value in CODES.items():
    prefix = name.split('_')[0]
    names.setdefault((prefix, value), name)
with open('wedge-scans.evemu', 'w') as out:
    out.write('# EVEMU 1.3\n# A keyboard-wedge QR scanner reading four codes; see README.md\n')
    for at, type_, code, value in events:
        type_name = {0: 'EV_SYN', 1: 'EV_KEY', 4: 'EV_MSC'}[type_]
        code_name = {0: 'SYN_REPORT'}.get(code) if type_ == 0 else ('MSC_SCAN' if type_ == 4 else names.get(('KEY', code), str(code)))
        out.write(f'E: {at // 1000000}.{at % 1000000:06d} {type_:04x} {code:04x} {value:<8d}# {type_name} / {code_name}\n')
