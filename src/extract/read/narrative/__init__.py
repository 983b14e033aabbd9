"""Figures written in sentences. The reader's entry points; the steps live in its modules:

text (blocks, sentences, words) → phrases (period phrases, decided by extract.read.periods) →
figures (numbers that are measures, and their kinds) → indicators (the phrase each figure
measures) → naming (names completed, told apart or given way to the sentence) → reader (periods
of figures, wholes, units; `extract_narrative`). Sentences in a set form (`Measure: 23 (target 25)`,
`The rate of ... rose to 412 (March 2023: 398)`) are read whole by stated, before the steps above.
"""

from extract.read.narrative.reader import extract_narrative
from extract.read.narrative.text import narrative_blocks, sentences, without_bullet_glyph

__all__ = ["extract_narrative", "narrative_blocks", "sentences", "without_bullet_glyph"]
