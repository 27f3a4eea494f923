"""Cluster profiles: ``[tool.auroralint.clusters.<name>]`` with the scheduler's own flag names."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from auroralint import profiles, settings
from auroralint.context import DEFAULT_TIERS, ClusterProfile, RunContext, Tier
from auroralint.testing import PRELUDE
from conftest import run_cli

TIERS_JSON = {  # the scheduler's bundled tiers.json
    "default": "preemptible",
    "tiers": {
        "preferred": {"revocable": False, "preemptible": False},
        "preemptible": {"revocable": False, "preemptible": True},
        "revocable": {"revocable": True, "preemptible": True},
    },
}
EXECUTORS_JSON = [
    {"executor": {"name": "BuildExecutor", "command": {"value": "build.sh"}}, "volume_mounts": []},
    {"executor": {"name": "TestExecutor", "command": {"value": "test.sh"}}},
]


def parse(table: dict[str, Any], root: Path | str = ".") -> ClusterProfile:
    return profiles.parse(table, "pyproject.toml: tool.auroralint.clusters.west", str(root))


def error(table: dict[str, Any], root: Path | str = ".") -> str:
    with pytest.raises(settings.SettingsError) as raised:
        parse(table, root)
    return str(raised.value)


def test_every_setting(tmp_path: Path) -> None:
    profile = parse({
        "allowed_container_types": ["mesos", "docker"],
        "allow_docker_parameters": True,
        "allow_container_volumes": True,
        "allow_gpu_resource": True,
        "sla_aware_kill_non_prod": True,
        "max_tasks_per_job": 100,
        "max_update_instance_failures": 50,
        "min_required_instances_for_sla_check": 5,
        "max_sla_duration_secs": 600,
        "allowed_job_environments": "^(prod|qa)$",
        "custom_executors": ["BuildExecutor"],
        "tiers": {"gold": {"preemptible": False, "revocable": False}, "spot": {"preemptible": True}},
        "default_tier": "spot",
    })  # fmt: skip
    assert profile == ClusterProfile(
        configured=True, allowed_container_types=("mesos", "docker"), allow_docker_parameters=True,
        allow_container_volumes=True, allow_gpu_resource=True, max_tasks_per_job=100,
        max_update_instance_failures=50, allowed_job_environments="^(prod|qa)$",
        min_required_instances_for_sla_check=5, max_sla_duration_secs=600,
        sla_aware_kill_non_prod=True,
        tiers={"gold": Tier(False, False), "spot": Tier(True, False)}, default_tier="spot",
        custom_executors=("BuildExecutor",),
    )  # fmt: skip
    assert profile.tiers["gold"].production and not profile.tiers["spot"].production
    assert profile.environment_allowed("qa") and not profile.environment_allowed("qa2")


def test_an_empty_profile_is_aurora_defaults_but_configured() -> None:
    profile = parse({})
    assert profile == ClusterProfile(configured=True)
    assert profile.allowed_container_types == ("mesos",)
    assert profile.tiers == DEFAULT_TIERS and profile.default_tier == "preemptible"
    assert [env for env in ("prod", "devel", "test", "staging", "staging12", "dev", "production")
            if profile.environment_allowed(env)] == ["prod", "devel", "test", "staging", "staging12"]  # fmt: skip


def test_scheduler_command_line_spellings() -> None:
    assert parse({"allowed_container_types": "MESOS,DOCKER"}).allowed_container_types == ("mesos", "docker")
    assert parse({"allowed_container_types": " docker "}).allowed_container_types == ("docker",)
    assert parse({"custom_executors": "A, B"}).custom_executors == ("A", "B")


def test_tier_config_and_custom_executor_config_files(tmp_path: Path) -> None:
    (tmp_path / "deploy").mkdir()
    (tmp_path / "deploy" / "tiers.json").write_text(json.dumps(TIERS_JSON))
    (tmp_path / "deploy" / "executors.json").write_text(json.dumps(EXECUTORS_JSON))
    profile = parse({"tier_config": "deploy/tiers.json",
                     "custom_executor_config": "deploy/executors.json"}, tmp_path)  # fmt: skip
    assert profile.tiers == DEFAULT_TIERS
    assert profile.default_tier == "preemptible"
    assert profile.custom_executors == ("BuildExecutor", "TestExecutor")
    # A default from the file yields to an explicit default_tier.
    custom = {"default": "preferred", "tiers": {"preferred": {}, "spare": {"preemptible": True}}}
    (tmp_path / "deploy" / "tiers.json").write_text(json.dumps(custom))
    assert parse({"tier_config": "deploy/tiers.json"}, tmp_path).default_tier == "preferred"
    assert parse({"default_tier": "spare", "tier_config": "deploy/tiers.json"}, tmp_path).default_tier == "spare"
    assert parse({"tier_config": "deploy/tiers.json", "default_tier": "spare"}, tmp_path).default_tier == "spare"


WHERE = "pyproject.toml: tool.auroralint.clusters.west"


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"allowed_container_type": ["docker"]}, ".allowed_container_type: unknown scheduler setting (known: "),
        ({"allow_docker_parameters": "yes"}, ".allow_docker_parameters: expected true or false, got 'yes'"),
        ({"max_tasks_per_job": -1}, ".max_tasks_per_job: expected a non-negative integer, got -1"),
        ({"max_tasks_per_job": 1.5}, ".max_tasks_per_job: expected a non-negative integer, got 1.5"),
        ({"max_sla_duration_secs": True}, ".max_sla_duration_secs: expected a non-negative integer, got True"),
        ({"allowed_container_types": ["mesos", "rkt"]}, ".allowed_container_types: 'rkt' is not a container type (mesos, docker)"),
        ({"allowed_container_types": 3}, ".allowed_container_types: expected a list of strings, got 3"),
        ({"allowed_job_environments": "^(prod"}, ".allowed_job_environments: not a regular expression: "),
        ({"allowed_job_environments": ["prod"]}, ".allowed_job_environments: expected a string, got ['prod']"),
        ({"tiers": {}}, ".tiers: expected a table of tiers, got {}"),
        ({"tiers": {"gold": {"preemptable": True}}}, ".tiers.gold: expected {preemptible = bool, revocable = bool}"),
        ({"tiers": {"gold": {"preemptible": "no"}}}, ".tiers.gold: expected {preemptible = bool, revocable = bool}"),
        ({"tiers": {"gold": {}}}, ".default_tier: 'preemptible' (the default) is not one of the tiers gold"),
        ({"default_tier": "gold"}, ".default_tier: 'gold' is not one of the tiers preferred, preemptible, revocable"),
        ({"default_tier": 1}, ".default_tier: expected a string, got 1"),
        ({"tier_config": "missing.json"}, ".tier_config: cannot read "),
        ({"custom_executor_config": "missing.json"}, ".custom_executor_config: cannot read "),
        ({"custom_executors": [1]}, ".custom_executors: expected a list of strings, got [1]"),
    ],
)
def test_errors_name_the_setting(table: dict[str, Any], message: str, tmp_path: Path) -> None:
    assert error(table, tmp_path).startswith(WHERE + message)


def test_malformed_json_files(tmp_path: Path) -> None:
    (tmp_path / "tiers.json").write_text('{"tiers": ')
    assert error({"tier_config": "tiers.json"}, tmp_path).startswith(
        f"{WHERE}.tier_config: cannot read {tmp_path / 'tiers.json'}: Expecting value: line 1")
    (tmp_path / "executors.json").write_text('{"executor": {}}')
    assert error({"custom_executor_config": "executors.json"}, tmp_path) == (
        f"{WHERE}.custom_executor_config: expected a JSON array of executor configurations")
    (tmp_path / "executors.json").write_text('[{"executor": {"command": {}}}]')
    assert error({"custom_executor_config": "executors.json"}, tmp_path) == (
        f"{WHERE}.custom_executor_config: every entry needs executor.name")


def test_profiles_of_a_configuration_file(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text("""\
[tool.auroralint.clusters.west]
allowed_container_types = "MESOS,DOCKER"
tier_config = "tiers.json"

[tool.auroralint.clusters."us-east.1"]
allow_gpu_resource = true
""")
    (tmp_path / "tiers.json").write_text(json.dumps(TIERS_JSON))
    found = profiles.profiles_of(settings.read(str(path)))
    assert sorted(found) == ["us-east.1", "west"]
    assert found["west"].allowed_container_types == ("mesos", "docker")
    assert found["us-east.1"].allow_gpu_resource
    context = RunContext(profiles=found)
    assert context.profile("west").configured
    # A cluster without a profile gets Aurora's defaults, marked as not configured.
    assert context.profile("elsewhere") == ClusterProfile(configured=False)
    # Names that are not bare TOML keys are quoted in messages.
    path.write_text('[tool.auroralint.clusters."us-east.1"]\nallow_gpu_resource = 1\n')
    with pytest.raises(settings.SettingsError) as raised:
        profiles.profiles_of(settings.read(str(path)))
    assert 'tool.auroralint.clusters."us-east.1".allow_gpu_resource: expected true or false, got 1' in str(raised.value)


def test_profiles_from_the_command_line(tmp_path: Path) -> None:
    (tmp_path / "web.aurora").write_text(PRELUDE + "jobs = [job]\n")
    (tmp_path / "pyproject.toml").write_text(
        "[tool.auroralint.clusters.devcluster]\nallowed_container_types = ['mesos', 'docker']\n"
        "tier_config = 'deploy/tiers.json'\n")  # fmt: skip
    (tmp_path / "deploy").mkdir()
    (tmp_path / "deploy" / "tiers.json").write_text(json.dumps(TIERS_JSON))
    result = run_cli("--select", "AUR0,AUR301,AUR901", "web.aurora", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    # tier_config is relative to the configuration file, wherever auroralint runs.
    (tmp_path / "sub").mkdir()
    result = run_cli("--select", "AUR0,AUR301,AUR901", "../web.aurora", cwd=tmp_path / "sub")
    assert (result.returncode, result.stderr) == (0, "")
    (tmp_path / "deploy" / "tiers.json").write_text(json.dumps({"default": "gold", "tiers": TIERS_JSON["tiers"]}))
    result = run_cli("web.aurora", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == ("auroralint: pyproject.toml: tool.auroralint.clusters.devcluster.default_tier: "
                             "'gold' is not one of the tiers preferred, preemptible, revocable\n")  # fmt: skip
