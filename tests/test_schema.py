"""docs/event.schema.json describes the real ``extract --format json`` output, every key required."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from fogofwar.cli import app
from fogofwar.models import Claim, Episode, Event, Evidence

SCHEMA_PATH = Path(__file__).resolve().parents[1] / "docs" / "event.schema.json"


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def _extract(*args) -> dict:
    r = CliRunner().invoke(app, ["extract", *map(str, args)])
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


@pytest.mark.parametrize(
    ("definition", "model"),
    [("event", Event), ("claim", Claim), ("evidence", Evidence), ("episode", Episode)],
)
def test_schema_requires_every_model_field(validator, definition, model):
    d = validator.schema["$defs"][definition]
    assert set(d["required"]) == set(d["properties"]) == set(model.model_fields)
    assert d["additionalProperties"] is False


def test_bundled_examples_validate(validator, example_paths):
    data = _extract(*example_paths)
    assert data["events"]
    validator.validate(data)


def test_seed_validates(validator, seed_path):
    data = _extract(seed_path, "--published", "2024-07-30", "--outlet", "El País")
    assert data["documents"][0]["outlet"] == "El País"
    validator.validate(data)


def test_schema_rejects_a_missing_key(validator, example_result):
    from fogofwar.export import to_json

    data = json.loads(to_json(example_result))
    del data["events"][0]["fatalities"]
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(data)
