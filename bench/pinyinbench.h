#pragma once

#include "ctlcommand.h"

// `kioskctl bench pinyin [--rounds N]`: how long the on-screen keyboard's pinyin takes: opening
// the dictionary, building the hanzi readings table for search, one key press (a letter typed and
// the first page of candidates read) over common words, and one catalogue search.
int runPinyinBench(CtlContext &context, const QStringList &args);
