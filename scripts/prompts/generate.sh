#!/usr/bin/env bash
# Regenerates Hotline's shipped IVR prompts: speaks every row of scripts/prompts/texts.tsv with
# espeak-ng in each language column, synthesizes music on hold (moh), ring-back (ringback) and the
# voicemail tone (beep) with sox, and writes ivr/src/main/resources/prompts/<lang>/<name>.wav as
# 8 kHz mono 16-bit signed PCM WAV, the format the media layer plays as G.711 without resampling.
#
#   scripts/prompts/generate.sh
#
# Needs espeak-ng and sox (Debian packages espeak-ng, sox). The output is deterministic (no
# dither, fixed random seed), so regenerating unchanged texts leaves the WAV files unchanged.
# Speech is trimmed to ~100 ms of leading silence and normalised to -3 dBFS peak; number words
# (num-*), which are said one after another, keep only 20 ms before and 50 ms after.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
texts="$root/scripts/prompts/texts.tsv"
out="$root/ivr/src/main/resources/prompts"

# espeak-ng voice per language column. The plain cmn voice (espeak-ng 1.51) reads the pinyin it
# finds for many characters with English letter rules (咨询 as "zi one xun two");
# cmn-latn-pinyin reads that pinyin as Mandarin.
declare -A voice=([en]=en-us [zh]=cmn-latn-pinyin)
# Words per minute: English a little slower than espeak-ng's 175 for narrowband telephone audio;
# at 175 the Mandarin voice already speaks about four characters a second.
declare -A speed=([en]=150 [zh]=175)

for tool in espeak-ng sox soxi; do
  command -v "$tool" >/dev/null || { echo "generate.sh: $tool not found (apt-get install espeak-ng sox)" >&2; exit 1; }
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# -D: no dither, -R: repeatable, so the files only change when the inputs do.
sox_() { sox -D -R "$@"; }
# The shipped format: 8 kHz, mono, 16-bit signed PCM, plain WAVE_FORMAT_PCM header.
format=(-t wavpcm -r 8000 -c 1 -b 16 -e signed-integer)

# speak LANG NAME TEXT: one spoken prompt.
speak() {
  local lang=$1 name=$2 text=$3 pad=(0.1 0.2)
  [[ $name == num-* ]] && pad=(0.02 0.05)
  mkdir -p "$out/$lang"
  printf '%s' "$text" | espeak-ng -b 1 -v "${voice[$lang]}" -s "${speed[$lang]}" -w "$tmp/raw.wav" --stdin
  # Trim leading and trailing silence (espeak-ng pads with digital silence), keep 100 ms before
  # and 200 ms after the speech (20 and 50 ms for number words), resample with headroom (the
  # filter overshoots near full scale), then normalise the final samples' peak.
  sox_ "$tmp/raw.wav" "${format[@]}" "$out/$lang/$name.wav" \
    silence 1 0.01 0.1% reverse silence 1 0.01 0.1% reverse \
    pad "${pad[@]}" gain -n -6 rate -v 8000 norm -3
}

# note SEMITONES SECONDS FILE: one plucked note, SEMITONES from A4 (440 Hz).
note() {
  sox_ -r 48000 -c 1 -n "$3" synth "$2" pluck "%$1" fade q 0.01 "$2" 0.3
}

# Music on hold: a soft I-vi-IV-V progression in C (5 s per chord, 20 s in all), a sine pad
# under a plucked arpeggio, with reverb, faded at both ends so the loop restarts without a click,
# at -12 dBFS peak.
music_on_hold() {
  local dest=$1 chord pad arp i n=0 parts=()
  local -a pads=("-21 -14 -5" "-24 -17 -9" "-28 -21 -12" "-26 -19 -10")
  local -a arps=("-9 -5 -2 3" "-12 -9 -5 0" "-16 -12 -9 -4" "-14 -10 -7 -2")
  for chord in 0 1 2 3; do
    read -r -a pad <<<"${pads[$chord]}"
    read -r -a arp <<<"${arps[$chord]}"
    sox_ -r 48000 -c 3 -n "$tmp/pad$chord.wav" \
      synth 5 sine "%${pad[0]}" sine "%${pad[1]}" sine "%${pad[2]}" remix - fade t 0.8 5 0.8
    local notes=()
    for i in 0 1 2 3 2 1 2 1; do
      note "${arp[$i]}" 0.625 "$tmp/note$n.wav"
      notes+=("$tmp/note$n.wav")
      n=$((n + 1))
    done
    sox_ "${notes[@]}" "$tmp/arp$chord.wav"
    # Pad quieter than the arpeggio; -m mixes the two.
    sox_ -m -v 0.35 "$tmp/pad$chord.wav" -v 0.25 "$tmp/arp$chord.wav" "$tmp/chord$chord.wav"
    parts+=("$tmp/chord$chord.wav")
  done
  # Concatenate first, then reverb (which makes a mono input stereo: fold it back before norm
  # so the peak is measured on what is written).
  sox_ "${parts[@]}" "$tmp/progression.wav"
  sox_ "$tmp/progression.wav" "${format[@]}" "$dest" reverb 40 50 60 channels 1 fade t 1 20 1.5 rate -v 8000 norm -12
}

# Ring-back as heard in China: 450 Hz, 1 s on, 4 s off (the [cn] entry of Asterisk's
# indications.conf; 425 Hz is the European CEPT tone). One 5 s cycle that the media layer loops;
# 10 ms ramps avoid clicks at the tone's edges.
ringback_hz=450
ringback() {
  sox_ -n "${format[@]}" "$1" synth 1 sine "$ringback_hz" fade h 0.01 1 0.01 norm -10 pad 0 4
}

# The voicemail tone: 1 kHz for 400 ms (10 ms ramps), then 200 ms of silence so the caller's
# first words are not cut by the recording starting.
beep() {
  sox_ -n "${format[@]}" "$1" synth 0.4 sine 1000 fade h 0.01 0.4 0.01 norm -6 pad 0 0.2
}

# Speech: the header row names the languages, each further row is a prompt.
langs=()
while IFS=$'\t' read -r -a row; do
  [[ ${#row[@]} -eq 0 || ${row[0]} == \#* ]] && continue
  if [[ ${row[0]} == name ]]; then
    langs=("${row[@]:1}")
    continue
  fi
  [[ ${#langs[@]} -gt 0 ]] || { echo "generate.sh: $texts: header row 'name<TAB>en<TAB>zh' missing" >&2; exit 1; }
  for i in "${!langs[@]}"; do
    text=${row[$((i + 1))]:-}
    [[ -n $text ]] || { echo "generate.sh: $texts: ${row[0]} has no ${langs[$i]} text" >&2; exit 1; }
    [[ -n ${voice[${langs[$i]}]:-} ]] || { echo "generate.sh: no espeak-ng voice for ${langs[$i]}" >&2; exit 1; }
    speak "${langs[$i]}" "${row[0]}" "$text"
  done
done <"$texts"

# Music and tones: the same audio in every language.
music_on_hold "$tmp/moh.wav"
ringback "$tmp/ringback.wav"
beep "$tmp/beep.wav"
for lang in "${langs[@]}"; do
  mkdir -p "$out/$lang"
  cp "$tmp/moh.wav" "$out/$lang/moh.wav"
  cp "$tmp/ringback.wav" "$out/$lang/ringback.wav"
  cp "$tmp/beep.wav" "$out/$lang/beep.wav"
done

# Check every shipped file is in the format the media layer expects, and list them.
status=0
for f in "$out"/*/*.wav; do
  rate=$(soxi -r "$f") channels=$(soxi -c "$f") bits=$(soxi -b "$f")
  if [[ $rate != 8000 || $channels != 1 || $bits != 16 ]]; then
    echo "generate.sh: $f is $rate Hz, $channels channel(s), $bits-bit; want 8000 Hz, 1, 16-bit" >&2
    status=1
  fi
  printf '%-28s %6.2f s %7d bytes\n' "${f#"$out"/}" "$(soxi -D "$f")" "$(stat -c %s "$f")"
done
exit "$status"
