"""The pipeline's learned part: a small sub-event-type classifier, trained on a user's own ACLED export.

The rule-based detector (``detect.py``) decides *whether* a report describes an event and builds it;
this classifier only offers a second opinion on *which* of ACLED's 25 sub-event types it is.
It is multinomial logistic regression (softmax) over lower-case word unigrams and bigrams
(digits folded to 0, binary features, rows L2-normalised), fitted with mini-batch Adam and L2
regularisation in plain numpy: small (a few MB of JSON), deterministic, no new dependency.

    clf = SubTypeClassifier.train(rows)          # rows: dicts with 'notes' and 'sub_event_type', or (text, label) pairs
    clf.save("fogofwar-model")                   # model.json + MODEL_CARD.md
    clf = SubTypeClassifier.load("fogofwar-model")
    clf.predict("Gunmen abducted a village chief near Menaka.")  # [('Abduction/forced disappearance', 0.91), ...]

Integration seam: ``refine_events(events, document, clf)`` replaces an event's sub-type by the
classifier's top class when the classifier is confident (``min_prob``) or the rule's event is
weak (``weak_below``, on ``Event.confidence``); ``docs/evaluation.md`` gives the measured effect.
No model is shipped: nothing in this package is trained on the evaluation data.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

from .errors import BadRecordError, InputError, MissingFileError

MODEL_FILE = "model.json"
CARD_FILE = "MODEL_CARD.md"
FORMAT = "fogofwar-subtype-softmax/1"

_TOKEN = re.compile(r"[a-zà-ÿ0-9]+(?:['’-][a-zà-ÿ0-9]+)*", re.I)

# defaults of the seam, chosen on ACLED dev (train 2017-2018, tune on 2019): see docs/evaluation.md
DEFAULT_MIN_PROB = 0.6
DEFAULT_WEAK_BELOW = 0.0


def tokens(text: str) -> list[str]:
    return [re.sub(r"\d", "0", t.lower().replace("’", "'")) for t in _TOKEN.findall(text or "")]


def features(text: str) -> list[str]:
    toks = tokens(text)
    feats = set(toks)
    feats.update(f"{a} {b}" for a, b in zip(toks, toks[1:]))
    return sorted(feats)


def _rows_to_pairs(rows: Iterable) -> list[tuple[str, str]]:
    pairs = []
    for i, r in enumerate(rows):
        if isinstance(r, dict):
            text, label = r.get("notes") or r.get("text") or "", r.get("sub_event_type") or r.get("label") or ""
        else:
            try:
                text, label = r
            except (TypeError, ValueError):
                raise BadRecordError(f"training row {i}: expected a dict with 'notes' and 'sub_event_type' or a (text, label) pair") from None
        text, label = str(text).strip(), str(label).strip()
        if text and label:
            pairs.append((text, label))
    return pairs


class SubTypeClassifier:
    def __init__(self, classes: list[str], vocab: list[str], weights: np.ndarray, bias: np.ndarray, card: dict | None = None):
        self.classes = list(classes)
        self.vocab = list(vocab)
        self.index = {f: i for i, f in enumerate(self.vocab)}
        self.W = np.asarray(weights, dtype=np.float32)
        self.b = np.asarray(bias, dtype=np.float32)
        self.card = card or {}

    # --- training -------------------------------------------------------------------------------

    @classmethod
    def train(
        cls,
        rows: Iterable,
        *,
        min_df: int = 2,
        max_features: int = 50_000,
        epochs: int = 20,
        batch: int = 64,
        lr: float = 0.05,
        l2: float = 1e-5,
        seed: int = 13,
        source: str | None = None,
    ) -> SubTypeClassifier:
        pairs = _rows_to_pairs(rows)
        if len(pairs) < 2:
            raise InputError(f"need at least 2 labelled rows to train, got {len(pairs)}")
        labels = Counter(lb for _, lb in pairs)
        classes = sorted(labels)
        if len(classes) < 2:
            raise InputError(f"need at least 2 sub-event types to train, got only {classes[0]!r}")
        feats = [features(t) for t, _ in pairs]
        df = Counter(f for fs in feats for f in fs)
        kept = [f for f, c in df.items() if c >= min_df] or list(df)
        kept.sort(key=lambda f: (-df[f], f))
        vocab = sorted(kept[:max_features])
        index = {f: i for i, f in enumerate(vocab)}
        X = [np.array([index[f] for f in fs if f in index], dtype=np.int64) for fs in feats]
        cidx = {c: i for i, c in enumerate(classes)}
        y = np.array([cidx[lb] for _, lb in pairs], dtype=np.int64)
        V, C, N = len(vocab), len(classes), len(pairs)
        rng = np.random.default_rng(seed)
        W = np.zeros((V, C), dtype=np.float32)
        b = np.log(np.array([labels[c] for c in classes], dtype=np.float32) / N)
        mW, vW = np.zeros_like(W), np.zeros_like(W)
        mb, vb = np.zeros_like(b), np.zeros_like(b)
        beta1, beta2, eps = 0.9, 0.999, 1e-8
        step = 0
        for _ in range(epochs):
            order = rng.permutation(N)
            for s in range(0, N, batch):
                ids = order[s : s + batch]
                Xb = _dense(X, ids, V)
                logits = Xb @ W + b
                P = _softmax(logits)
                P[np.arange(len(ids)), y[ids]] -= 1.0
                P /= len(ids)
                gW = Xb.T @ P + l2 * W
                gb = P.sum(axis=0)
                step += 1
                mW = beta1 * mW + (1 - beta1) * gW
                vW = beta2 * vW + (1 - beta2) * gW * gW
                mb = beta1 * mb + (1 - beta1) * gb
                vb = beta2 * vb + (1 - beta2) * gb * gb
                corr1, corr2 = 1 - beta1**step, 1 - beta2**step
                W -= lr * (mW / corr1) / (np.sqrt(vW / corr2) + eps)
                b -= lr * (mb / corr1) / (np.sqrt(vb / corr2) + eps)
        model = cls(classes, vocab, W, b)
        train_acc = float(np.mean([model.predict(t)[0][0] == lb for t, lb in pairs[:2000]]))
        model.card = {
            "format": FORMAT,
            "trained": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            "source": source,
            "training_rows": N,
            "classes": {c: labels[c] for c in classes},
            "features": V,
            "hyperparameters": {"min_df": min_df, "max_features": max_features, "epochs": epochs, "batch": batch, "lr": lr, "l2": l2, "seed": seed},
            "training_accuracy": round(train_acc, 4),
        }
        return model

    # --- prediction -----------------------------------------------------------------------------

    def _vector(self, text: str) -> np.ndarray:
        ids = [self.index[f] for f in features(text) if f in self.index]
        return np.array(ids, dtype=np.int64)

    def predict(self, text: str) -> list[tuple[str, float]]:
        """All classes, most probable first, with their probabilities."""
        ids = self._vector(text)
        logits = self.b.copy()
        if len(ids):
            logits = logits + self.W[ids].sum(axis=0) / np.sqrt(len(ids))
        p = _softmax(logits[None, :])[0]
        order = np.argsort(-p, kind="stable")
        return [(self.classes[i], float(p[i])) for i in order]

    # --- persistence ----------------------------------------------------------------------------

    def save(self, directory: str | Path) -> Path:
        d = Path(directory)
        d.mkdir(parents=True, exist_ok=True)
        data = {
            "format": FORMAT,
            "classes": self.classes,
            "vocab": self.vocab,
            "weights": np.round(self.W, 5).tolist(),
            "bias": np.round(self.b, 5).tolist(),
            "card": self.card,
        }
        (d / MODEL_FILE).write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        (d / CARD_FILE).write_text(model_card_markdown(self.card), encoding="utf-8")
        return d

    @classmethod
    def load(cls, directory: str | Path) -> SubTypeClassifier:
        d = Path(directory)
        f = d / MODEL_FILE if d.is_dir() else d
        if not f.exists():
            raise MissingFileError(f"{d}: no {MODEL_FILE} here (train one with `fogofwar train --gold export.csv --out DIR`)")
        try:
            data = json.loads(f.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise BadRecordError(f"{f}: not valid JSON ({exc.msg})") from None
        if data.get("format") != FORMAT:
            raise BadRecordError(f"{f}: not a fogofwar sub-type model (format {data.get('format')!r}, expected {FORMAT!r})")
        return cls(data["classes"], data["vocab"], np.array(data["weights"], dtype=np.float32), np.array(data["bias"], dtype=np.float32), data.get("card"))


def _dense(X: Sequence[np.ndarray], ids: np.ndarray, V: int) -> np.ndarray:
    M = np.zeros((len(ids), V), dtype=np.float32)
    for r, i in enumerate(ids):
        if len(X[i]):
            M[r, X[i]] = 1.0 / np.sqrt(len(X[i]))
    return M


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def model_card_markdown(card: dict) -> str:
    lines = [
        "# fogofwar sub-event-type classifier",
        "",
        f"- format: `{card.get('format', FORMAT)}` (softmax regression over word unigrams + bigrams)",
        f"- trained: {card.get('trained')}",
        f"- source: {card.get('source') or 'rows passed in code'}",
        f"- training rows: {card.get('training_rows')}",
        f"- features: {card.get('features')}",
        f"- training accuracy (first 2,000 rows; optimistic): {card.get('training_accuracy')}",
        f"- hyperparameters: {card.get('hyperparameters')}",
        "",
        "Intended use: a second opinion on the sub-event type of events fogofwar's rules detect, in",
        "reports like the training notes. It does not decide whether an event happened.",
        "It was trained on the user's own data; its licence is that data's licence.",
        "",
        "| class | training rows |",
        "|---|---|",
    ]
    for c, n in (card.get("classes") or {}).items():
        lines.append(f"| {c} | {n} |")
    return "\n".join(lines) + "\n"


# --- the seam into the pipeline --------------------------------------------------------------------


def event_text(event, document) -> str:
    """The text the classifier reads for one event: the sentences holding its trigger, else the document."""
    text = document.text
    spans = [(ev.start, ev.end) for ev in getattr(event, "evidence", []) if ev.field == "event_type" and ev.document == document.id]
    if not spans:
        return text
    parts = []
    for start, end in spans:
        s = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
        e_dot = text.find(". ", end)
        e_nl = text.find("\n", end)
        ends = [x for x in (e_dot, e_nl) if x != -1]
        e = min(ends) + 1 if ends else len(text)
        parts.append(text[s + 1 : e].strip())
    out = " ".join(dict.fromkeys(p for p in parts if p))
    return out or text


def refine_events(events: list, document, clf: SubTypeClassifier, min_prob: float = DEFAULT_MIN_PROB, weak_below: float = DEFAULT_WEAK_BELOW) -> list:
    """Events with the sub-type replaced by the classifier's top class where the seam's policy says so.

    Replace when the classifier's top probability is >= ``min_prob``, or when the rule-based
    event's confidence is < ``weak_below`` (a weak trigger). Event type and disorder type follow
    the new sub-type; ``reasons['sub_event_type']`` says what changed.
    """
    from .codebook import categories

    cats = categories()
    out = []
    for e in events:
        ranked = clf.predict(event_text(e, document))
        top, p = ranked[0]
        if top != e.sub_event_type and top in cats.sub_types and (p >= min_prob or e.confidence < weak_below):
            st = cats.get(top)
            reasons = dict(e.reasons)
            reasons["sub_event_type"] = f"learned classifier: {top} (p={p:.2f}) over the rules' {e.sub_event_type}"
            e = e.model_copy(update={"sub_event_type": top, "event_type": st.event_type, "disorder_type": st.disorder_type, "reasons": reasons})
        out.append(e)
    return out
