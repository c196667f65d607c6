"""Docs that run: the README's commands are the ones CI and users run, and every command is documented."""

import re

from fogofwar.cli import app
from tests.conftest_paths import REPO


def _readme() -> str:
    return (REPO / "README.md").read_text(encoding="utf-8")


def test_ci_runs_the_readme_test_command():
    blocks = re.findall(r"```\n(.*?)\n```", _readme(), re.S)
    test_cmd = next(b for b in blocks if "pytest" in b and b.startswith("python3"))
    assert test_cmd in (REPO / ".ci" / "run").read_text(encoding="utf-8")


def test_quick_start_is_two_commands():
    quick = _readme().split("## Quick start", 1)[1].split("##", 1)[0]
    cmds = re.findall(r"```\n(.*?)\n```", quick, re.S)
    assert len(cmds) == 2 and "fogofwar demo" in cmds[0] and "pytest" in cmds[1]


def test_every_command_is_documented_with_help():
    import typer.main

    group = typer.main.get_command(app)
    readme = _readme()
    for name, cmd in group.commands.items():
        assert f"fogofwar {name}" in readme, f"command {name} missing from README"
        assert (cmd.help or "").strip(), f"command {name} has no help text"
