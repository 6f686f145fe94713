-- contradictions.sql: the contradictions of libstance's SPEC §3, in SQL
--
-- SPDX-License-Identifier: LGPL-2.1-or-later
--
-- Reads the tables that `stance export FILE --format sqlite -o FILE.db`
-- writes (statements, stances, kinds; doc/exporters.md) and prints one CSV
-- row per contradiction, kind,target,holder,other,first,second, exactly the
-- records of `stance check --json` in the same order (SPEC §4: kind, target,
-- holder(s), statements; ids compared bytewise).  `other` is a conflict's
-- second holder or a disputed attribution's attributing speaker, else empty.
--
--   sqlite3 FILE.db < contradictions.sql
--
-- One statement of standard SQL (common table expressions, window
-- functions, no dialect), so that it runs as it is on SQLite, DuckDB, Spark
-- SQL or BigQuery over the same tables; for an engine, the records CTE has
-- the six columns and the last SELECT only quotes them as CSV.
-- doc/scale-out.md explains each step; doc/contradictions.md the rules.
WITH
-- Every stance with a position (positive 1, negative -1, withdrawal 0),
-- with its statement's period and place in the graph.
positioned AS (
  SELECT x.statement, x.pos, x.target, x.holder, s.speaker, s.seq AS sseq,
         s.period_start AS ps, s.period_end AS pe,
         CASE k.polarity WHEN 'positive' THEN 1 WHEN 'negative' THEN -1 ELSE 0 END AS pol
  FROM stances x
  JOIN statements s ON s.id = x.statement
  JOIN kinds k ON k.name = x.kind
  WHERE k.polarity <> 'neutral'
),
-- Acts: a holder's own stances, numbered in act order per (target, holder):
-- period start, period end, statement order, stance order.
acts AS (
  SELECT p.*, ROW_NUMBER() OVER (PARTITION BY target, holder ORDER BY ps, pe, sseq, pos) AS rn
  FROM positioned p
  WHERE holder = speaker
),
-- Reversals and inconsistencies: adjacent acts in that order.
adjacent AS (
  SELECT a.target, a.holder, a.statement AS first_statement, b.statement AS second_statement,
         a.pol AS apol, b.pol AS bpol, a.pe AS ape, b.ps AS bps
  FROM acts a
  JOIN acts b ON b.target = a.target AND b.holder = a.holder AND b.rn = a.rn + 1
),
reversals AS (
  SELECT 1 AS kind_order, 'reversal' AS kind, target, holder, '' AS other, first_statement, second_statement
  FROM adjacent
  WHERE ape <= bps AND apol <> 0 AND bpol <> apol
),
inconsistencies AS (
  SELECT 2 AS kind_order, 'inconsistency' AS kind, target, holder, '' AS other, first_statement, second_statement
  FROM adjacent
  WHERE bps < ape AND apol * bpol = -1
),
-- An act holds from its start to the next later start of its holder on its
-- target (for ever when there is none).
starts AS (
  SELECT target, holder, ps, LEAD(ps) OVER (PARTITION BY target, holder ORDER BY ps) AS next_ps
  FROM (SELECT DISTINCT target, holder, ps FROM acts) d
),
spans AS (
  SELECT a.target, a.holder, a.statement, a.rn, a.pol, a.ps, st.next_ps AS he
  FROM acts a
  JOIN starts st ON st.target = a.target AND st.holder = a.holder AND st.ps = a.ps
  WHERE a.pol <> 0
),
-- Conflicts: opposite acts of two holders whose spans overlap; per pair of
-- holders the pair of acts whose overlap starts first, then by the first
-- holder's act order, then the second's.
meetings AS (
  SELECT a.target, a.holder, b.holder AS other, a.statement AS first_statement, b.statement AS second_statement,
         ROW_NUMBER() OVER (PARTITION BY a.target, a.holder, b.holder
                            ORDER BY CASE WHEN a.ps > b.ps THEN a.ps ELSE b.ps END, a.rn, b.rn) AS pick
  FROM spans a
  JOIN spans b ON b.target = a.target AND b.holder > a.holder AND b.pol = -a.pol
  WHERE (b.he IS NULL OR a.ps < b.he) AND (a.he IS NULL OR b.ps < a.he)
),
conflicts AS (
  SELECT 3 AS kind_order, 'conflict' AS kind, target, holder, other, first_statement, second_statement
  FROM meetings
  WHERE pick = 1
),
-- Disputed attributions: an attributed stance with a position, and an act
-- of its holder on its target with another polarity that does not precede
-- it; per attributing statement, holder and target the first such act.
disputes AS (
  SELECT t.target, t.holder, t.speaker AS other, t.statement AS first_statement, a.statement AS second_statement,
         ROW_NUMBER() OVER (PARTITION BY t.statement, t.holder, t.target ORDER BY a.rn) AS pick
  FROM positioned t
  JOIN acts a ON a.target = t.target AND a.holder = t.holder AND a.pol <> t.pol AND a.pe > t.ps
  WHERE t.holder <> t.speaker
),
disputed AS (
  SELECT 4 AS kind_order, 'disputed-attribution' AS kind, target, holder, other, first_statement, second_statement
  FROM disputes
  WHERE pick = 1
),
records AS (
  SELECT * FROM reversals
  UNION ALL SELECT * FROM inconsistencies
  UNION ALL SELECT * FROM conflicts
  UNION ALL SELECT * FROM disputed
),
-- RFC 4180: a field with a comma, a quote or a line break (LF, or CR: the
-- string literals below hold the characters themselves, the only way that
-- every engine reads alike) is quoted.
quoted AS (
  SELECT kind_order, kind, target, holder, other, first_statement, second_statement,
         CASE WHEN target LIKE '%,%' OR target LIKE '%"%' OR target LIKE '%
%' OR target LIKE '%%'
              THEN '"' || REPLACE(target, '"', '""') || '"' ELSE target END AS q_target,
         CASE WHEN holder LIKE '%,%' OR holder LIKE '%"%' OR holder LIKE '%
%' OR holder LIKE '%%'
              THEN '"' || REPLACE(holder, '"', '""') || '"' ELSE holder END AS q_holder,
         CASE WHEN other LIKE '%,%' OR other LIKE '%"%' OR other LIKE '%
%' OR other LIKE '%%'
              THEN '"' || REPLACE(other, '"', '""') || '"' ELSE other END AS q_other,
         CASE WHEN first_statement LIKE '%,%' OR first_statement LIKE '%"%' OR first_statement LIKE '%
%' OR first_statement LIKE '%%'
              THEN '"' || REPLACE(first_statement, '"', '""') || '"' ELSE first_statement END AS q_first,
         CASE WHEN second_statement LIKE '%,%' OR second_statement LIKE '%"%' OR second_statement LIKE '%
%' OR second_statement LIKE '%%'
              THEN '"' || REPLACE(second_statement, '"', '""') || '"' ELSE second_statement END AS q_second
  FROM records
)
SELECT kind || ',' || q_target || ',' || q_holder || ',' || q_other || ',' || q_first || ',' || q_second AS record
FROM quoted
ORDER BY kind_order, target, holder, other, first_statement, second_statement;
