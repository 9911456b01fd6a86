#!/usr/bin/env bash
# Writes a connpass participant export of N rows (default 100,000) to stdout, as connpass writes it: UTF-8 with BOM,
# CRLF, quoted values; two questionnaire columns, one answer with a line break; 80% 参加 (half of them 出席), 10% 補欠,
# 8% キャンセル, 2% withdrawn users.
# Usage: benchmarks/history-import/generate.sh [rows] > participants.csv
set -euo pipefail
ROWS=${1:-100000}
printf '\xef\xbb\xbf'
awk -v rows="$ROWS" 'BEGIN {
  ORS = "\r\n"
  print "\"参加枠名\",\"ユーザー名\",\"表示名\",\"利用開始日\",\"コメント\",\"参加ステータス\",\"出欠ステータス\",\"出席日時\",\"懇親会に参加しますか？\",\"LT で話したいこと\",\"更新日時\",\"受付番号\""
  for (i = 1; i <= rows; i++) {
    r = i % 50
    frame = (i % 10 == 0) ? "LT枠" : "一般枠"
    user = sprintf("user_%06d", i); name = sprintf("参加者 %06d", i)
    if (r == 49) { user = "(退会ユーザー)"; name = "(退会ユーザー)" }
    status = "参加"; came = ""; at = ""
    if (r >= 40 && r < 45) status = "補欠"
    else if (r >= 45 && r < 49) status = "キャンセル"
    else if (i % 2 == 0) { came = "出席"; at = sprintf("2024-05-10 19:%02d:%02d", i % 60, (i * 7) % 60) }
    answer = (i % 3 == 0) ? "S3 の\nコスト削減, 実例つき" : ""
    printf "\"%s\",\"%s\",\"%s\",\"2020-01-01\",\"\",\"%s\",\"%s\",\"%s\",\"%s\",\"%s\",\"2024-05-0%d 12:00:00\",\"%d\"\r\n",
      frame, user, name, status, came, at, (i % 2 ? "参加する" : "参加しない"), answer, 1 + i % 9, i
  }
}' | sed 's/\r\r$/\r/'
