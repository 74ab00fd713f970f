"""One frozen object holding every knob of the pipeline, with its default."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Settings", "AlignSettings", "ClassifySettings", "default_cache_dir"]


def default_cache_dir() -> Path:
    """Return the user's cache folder for compare (``$XDG_CACHE_HOME/compare``)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "compare"


# Fitted by benchmarks/train_aligner.py on the 153 GNAT Aesop pairs (logistic regression, one weight per
# feature of compare.scoring.FEATURES, in that order); regenerate with that script, never by hand.
_WEIGHTS: tuple[float, ...] = (0.3577, 4.748, 1.9779, 1.1589, 4.5734, 0.1142, 1.0755, 0.6454, 0.7178, 0.2877, 3.1309, -5.2053, 0.3481, 0.4962, -0.1481, -1.6201, -0.8011, 0.0615, 2.7032, 1.9311, -1.0202, -1.755, 1.1962)
_INTERCEPT = -4.0105

# Fitted by benchmarks/train_aligner.py --calibrate (Platt scaling: logistic regression over the inputs of
# compare.align.confidence.CONFIDENCE_FEATURES, in that order) on the walk's pairings of the even-numbered GNAT
# pairs and of the seed pairs without the TV rewrite; regenerate with that script, never by hand.
_CONFIDENCE_WEIGHTS: tuple[float, ...] = (0.0777, 0.3039, 0.0783, 0.6682, 0.9894, -0.0618, 0.2323, -0.1025, 1.1749, 0.5128, 0.5095, 1.5918, -1.0926, 0.2806)
_CONFIDENCE_INTERCEPT = -0.3609


@dataclass(frozen=True)
class AlignSettings:
    """Knobs of the sentence aligner (see ``compare.align`` and ``compare.scoring``).

    The defaults are the ones that produced the figures quoted in README.md (benchmarks/alignment_quality.py).
    """

    weights: tuple[float, ...] = _WEIGHTS
    """Weight of each feature of ``compare.scoring.FEATURES`` in a pair's log-odds of reporting the same statement."""
    intercept: float = _INTERCEPT
    """Constant term of that log-odds."""
    link_threshold: float = -2.0
    """Least log-odds for the walk to pair a sentence rather than leave it alone (-2.0 is a probability of about 0.12);
    the pairings it makes become links or possible counterparts by their calibrated confidence."""
    stay_penalty: float = 0.0
    """Cost of linking the next sentence to the same partner as the previous one (many-to-one)."""
    skip_penalty: float = 0.5
    """Cost per log of the distance of a forward jump over partner sentences."""
    back_penalty: float = 0.5
    """Cost of jumping back to an earlier partner sentence (reordering), on top of ``back_step_penalty`` per sentence."""
    back_step_penalty: float = 0.0
    """Extra cost of a backward jump per sentence jumped."""
    both_directions: bool = False
    """Keep every link of the walk over b as well as of the walk over a; when False, the walk over b adds only
    links that extend a link of the walk over a to the next or previous sentence (one-to-many)."""
    min_tokens: int = 2
    """Sentences with fewer word tokens than this are linked only on a very close match."""
    short_threshold: float = 0.9
    """Cosine a sentence shorter than ``min_tokens`` words needs with its partner to be linked."""
    relatedness_top: int = 3
    """Relatedness of a text to another = mean of its ``relatedness_top`` best sentence cosines there."""
    event_threshold: float = 0.77
    """Documents this related (directly or through others) report one event; others get no links at all."""
    section_threshold: float = 0.65
    """Least relatedness of a section (text between page furniture) to the other document for it to be aligned."""
    section_min_units: int = 6
    """Sections with fewer sentences join the next section before the check."""
    evidence_z: float = 2.5
    """A pairing with no shared content word needs a cosine this many robust deviations (MAD) above the median
    cosine of its own document pair (``compare.align.confidence.evidence_gate``)."""
    evidence_z_with_word: float = 0.0
    """A pairing that shares one content word needs a cosine this far above its pair's median (two words suffice)."""
    confidence_weights: tuple[float, ...] = _CONFIDENCE_WEIGHTS
    """Weight of each input of ``compare.align.confidence.CONFIDENCE_FEATURES`` in a pairing's calibrated log-odds."""
    confidence_intercept: float = _CONFIDENCE_INTERCEPT
    """Constant term of that calibrated log-odds."""
    link_confidence: float = 0.5
    """Least calibrated probability for a pairing to be shown as a link (chosen for precision)."""
    possible_floor: float = 0.25
    """Least calibrated probability for a pairing below ``link_confidence`` to be kept as a possible counterpart."""
    found_cosine: float = 0.6
    """A share of the smaller document found in the other (``found_share_threshold``) whose links could all be chance
    (``found_chance``) makes one event only when some sentence pair of the two documents is this close."""
    found_share_threshold: float = 0.3
    """Share of the smaller document's sentences with a confident link in the other that makes two documents one
    event even when their relatedness stays below ``event_threshold`` (two tellings of one fable)."""
    dense_below: int = 500
    """Pairs whose longer side has fewer sentences are walked over every sentence pair; longer ones over a sparse
    candidate set (``compare.align.sparse``: memory linear in the candidates, the same links on every gold set)."""
    candidates: int = 10
    """Long documents: each sentence's best partners by cosine that are candidates for a link (both sides)."""
    candidates_shared: int = 3
    """Long documents: each sentence's best partners by shared rare words that are candidates too."""
    band: int = 2
    """Long documents: candidates within this many sentences along the diagonal through each sentence's best
    partner, and around the diagonal scaled by the two lengths."""
    prior_anchor: float = 0.7
    """Least cosine of a mutual best sentence pair for it to count towards the document pair's share of sentences
    with a counterpart (``compare.align.confidence.counterpart_prior``)."""
    prior_strength: float = 20.0
    """Weight, in sentences, of ``prior_base`` in that share: a short text's few sentences move it little."""
    prior_base: float = 0.2513
    """The share the prior shrinks towards: the mean share on the training pairs, fitted with the confidence
    weights by benchmarks/train_aligner.py --calibrate."""
    found_floor: float = 0.4
    """Two documents with a sentence pair at least this close, one of them the other's most related document, are
    asked how much of the smaller one the other holds (``compare.align.events``); further apart, no statement of one
    is found in the other."""
    found_chance: float = 0.15
    """Largest chance that every link found between two documents is wrong (the product of one minus each link's
    calibrated confidence) for ``found_share_threshold`` to count whatever the closest cosine: one link of 0.6
    between two short unrelated texts happens; two independent ones rarely do."""
    found_share_alone: float = 0.2
    """Least share of the smaller document found in the other for two documents to be one event on ``found_chance_alone``
    (below ``found_share_threshold``: two tellings of one fable that share few sentences in the same words)."""
    found_chance_alone: float = 0.05
    """Largest chance that every link found is wrong for at least two links on ``found_share_alone`` of the smaller
    document to make two documents one event (``compare.align.events.found_joins``)."""


@dataclass(frozen=True)
class ClassifySettings:
    """Knobs of the change classifier and the document findings (see ``compare.classify``)."""

    max_words: int = 8
    """A changed passage longer than this (words, either side) is only called ``wording``: too long to name one change."""
    emotive_valence: float = 2.5
    """Least VADER valence (absolute, on -4..4) for a word to count as evaluative or emotive (2.5: "devastating", "great";
    not "poor", "strong" or "effective", which mostly describe)."""
    emotive_emotions: tuple[str, ...] = ("anger", "disgust")
    """NRC emotions that make a word count as evaluative or emotive (the emotions of condemnation)."""
    min_overlap: float = 0.4
    """Share of the longer text's content words found in the other before a ``quote``, ``speaker``, ``number`` or
    key-noun ``meaning`` change is claimed (a loose link is no ground for an accusation)."""
    quote_overlap: float = 0.6
    """Share of content words (as for ``min_overlap``) before words inside quotation marks are compared at all: only a
    near-verbatim match shows that a quotation departs from what the other source says."""
    convention_links: int = 3
    """A swap between two names (capitalised words) in this many links of a document pair is that pair's naming
    convention ("Yahweh" / "the Lord"): inside a quotation it is ``wording`` (``compare.classify.conventions``)."""
    passage_overlap: float = 0.25
    """Least share of content words (as for ``min_overlap``) before a distancing word ("claimed", 'scare quotes') or a
    changed key noun after shared words inside a passage reworded as a whole is named (``hedge``, ``meaning``)."""
    object_words: int = 8
    """Inside a reworded passage, how many words after a shared phrase are searched for a changed key noun (``meaning``)."""
    record_kinds: tuple[str, ...] = ("transcript", "readout")
    """Source kinds that record what was said; a ``quote`` change is a secondary source's quotation differing from one of
    these (two records differing, e.g. two translations, is ``wording``)."""
    speech_kinds: tuple[str, ...] = ("transcript",)
    """Record kinds whose every word is what was said; in the other record kinds (a readout) only the words inside
    quotation marks are, the rest is narration, and a secondary source's quotation is checked (``quote``) only against
    the record's own quoted words: a quotation where the record narrates ("whether he would heal") has no record of its
    words to differ from."""
    record_only: tuple[str, ...] = ("meaning", "hedge", "loaded_language")
    """Change types named only on a link with a record on at least one side (a source of a ``record_kinds`` kind): a
    changed claim, certainty or evaluation is an accusation that needs the record of what was said to stand against.
    Between two secondary sources (simplified rewrites, two outlets) such a change is ``wording``: measured by reading,
    these labels were right on fewer than half of such links (``benchmarks/label_audit.py``), while ``number`` and
    ``speaker``, which compare checkable facts, stay named there."""
    run_min_sentences: int = 8
    """Fewest consecutive sentences without any link for a ``no_counterpart`` flag."""
    loaded_bare_words: int = 2
    """Most words of a passage added or dropped as a whole for an evaluative word in it to count as ``loaded_language``
    ("a terrible decision" / "a decision"); a longer addition adds a description, not a judgement of the same thing."""
    strong_valence: float = 3.0
    """Least VADER valence (absolute) for an evaluative word that is all that was added or dropped to count as
    ``loaded_language`` ("devastating"; not "successful" or "rich", which describe)."""
    negation_scope: int = 3
    """Words on each side of a negation that must stand, in order, on the other side for a ``meaning`` change (its clause)."""
    grave_valence: float = 2.5
    """Least negative VADER valence (absolute) for a noun to count as grave in a key-noun ``meaning`` change ("war")."""
    nrc_vader_floor: float = 1.5
    """When VADER rates a word that the NRC lexicon links with disgust, least absolute VADER valence for the word to
    count as evaluative: two lexicons must agree ("questionable" is NRC disgust but VADER -1.2, a mild doubt)."""


@dataclass(frozen=True)
class Settings:
    """Every setting of a run. Build it with keywords; ``replace()`` it to change one."""

    model: Path | None = None
    """Sentence-transformers model folder; ``None`` means the bundled all-MiniLM-L6-v2."""
    cache_dir: Path | None = field(default_factory=default_cache_dir)
    """Where embeddings are cached; ``None`` disables the cache."""
    batch_size: int = 16
    """Sentences per model batch; 16 measured fastest on a 2-core CPU (benchmarks/seed_timing.py)."""
    device: str = "cpu"
    """Torch device for the model ("cpu", "cuda"); on "cuda" the model runs in fp16 with ``gpu_batch_size``."""
    gpu_batch_size: int = 1024
    """Sentences per model batch on a GPU (``batch_size`` applies on the CPU)."""
    engine: str = "local"
    """``local`` (this process) or ``spark`` (a PySpark job, see ``compare.engines.spark``)."""
    spark_master: str = "local[*]"
    """Spark master URL for ``engine="spark"``."""
    neighbours: int = 16
    """Nearest sentences each sentence asks the index for when grouping documents into events."""
    encoding: str | None = None
    """Encoding of every text file (.txt, .md, .html); ``None`` detects it per file (BOM, UTF-8, then legacy encodings)."""
    strict: bool = False
    """Fail when any file of the corpus folder cannot be used, instead of leaving it out with its reason."""
    reference: str | None = None
    """Source id the synopsis compares every other source against; ``None``: the first transcript (manifest kind)."""
    pairs: str = "all"
    """Which document pairs of an event are aligned (``--pairs``): ``all`` (every pair, n(n-1)/2 for n sources), or
    ``reference`` (only the pairs with the event's reference or one of its records on one side: about n for n
    outlets and one record, so a hundred outlets are compared with the record in seconds rather than minutes)."""
    many_pairs: int = 100
    """With ``pairs="all"``, an event with more pairs to align than this gets a notice on stderr naming ``--pairs reference``."""
    align: AlignSettings = field(default_factory=AlignSettings)
    """The aligner's settings."""
    classify: ClassifySettings = field(default_factory=ClassifySettings)
    """The change classifier's settings."""
    max_file_bytes: int = 10_000_000
    """Largest file read, in bytes on disk (``--max-file-bytes``); a larger one is left out with its size and this limit."""
    max_sentences: int = 10_000
    """Most sentences of one document, estimated before segmenting (``--max-sentences``)."""
    max_expanded_bytes: int = 30_000_000
    """Largest .docx once its XML is unzipped (bytes), or PDF text layer (characters) (``--max-expanded-bytes``)."""
