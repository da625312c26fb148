#!/usr/bin/env bash
# Records the kiosk's spoken prompts from assets/voice/prompts.tsv with espeak-ng (Mandarin "cmn-latn-pinyin",
# English "en-gb"), a normal and a slower elder-mode take of each, as 8 kHz 8-bit mono WAV so
# the whole set stays small enough to build into the kiosk. Run it after editing the table and
# commit the WAV files; a hall may instead drop in human recordings under the same names.
# Needs espeak-ng and sox (packaging/deps.sh installs both).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
voice="$root/assets/voice"
table="$voice/prompts.tsv"

# Words (for Mandarin, syllables) a minute. Elder mode speaks about a third slower.
zh_rate=260
zh_rate_slow=190
en_rate=160
en_rate_slow=118

for tool in espeak-ng sox; do
  command -v "$tool" >/dev/null || { echo "record-prompts: $tool is missing (run packaging/deps.sh)" >&2; exit 1; }
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$voice/zh" "$voice/en"

# One take: espeak-ng's 22 kHz output, leading and trailing silence cut, resampled and quantised.
record() {
  local espeak_voice="$1" rate="$2" text="$3" out="$4"
  espeak-ng -v "$espeak_voice" -s "$rate" -w "$work/take.wav" -- "$text"
  sox -v 0.9 "$work/take.wav" -r 8000 -c 1 -b 8 -e unsigned-integer "$out" \
    silence 1 0.02 0.5% reverse silence 1 0.02 0.5% reverse pad 0.05 0.15
}

count=0
while IFS=$'\t' read -r id zh en; do
  case "$id" in ''|'#'*) continue ;; esac
  if [ -z "${zh:-}" ] || [ -z "${en:-}" ]; then
    echo "record-prompts: $id needs both a Chinese and an English sentence" >&2
    exit 1
  fi
  record cmn-latn-pinyin "$zh_rate" "$zh" "$voice/zh/$id.wav"
  record cmn-latn-pinyin "$zh_rate_slow" "$zh" "$voice/zh/$id-slow.wav"
  record en-gb "$en_rate" "$en" "$voice/en/$id.wav"
  record en-gb "$en_rate_slow" "$en" "$voice/en/$id-slow.wav"
  count=$((count + 1))
done < "$table"

echo "record-prompts: $count prompts, $(du -sh --exclude=prompts.tsv "$voice" | cut -f1) in $voice"
