"""What a run knows about the clusters jobs go to: clusters.json entries and scheduler profiles."""


import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import NamedTuple

DEFAULT_DOCKER_REGISTRY = "https://registry-1.docker.io"
DEFAULT_ENVIRONMENTS = r"^(prod|devel|test|staging\d*)$"


class Cluster(NamedTuple):
    """One entry of clusters.json, as Aurora's client reads it."""

    name: str
    docker_registry: str | None = None
    source: str = ""  # the clusters.json it came from
    line: int = 1

    @property
    def registry(self) -> str:
        return self.docker_registry or DEFAULT_DOCKER_REGISTRY


class Tier(NamedTuple):
    preemptible: bool
    revocable: bool

    @property
    def production(self) -> bool:
        return not self.preemptible and not self.revocable


DEFAULT_TIERS: Mapping[str, Tier] = MappingProxyType(
    {
        "preferred": Tier(preemptible=False, revocable=False),
        "preemptible": Tier(preemptible=True, revocable=False),
        "revocable": Tier(preemptible=True, revocable=True),
    }
)


class ClusterProfile(NamedTuple):
    """What a cluster's scheduler allows; keys are the scheduler's own flag names.

    ``configured`` is False for the built-in profile that stands for Aurora's defaults, so
    rules can say "Aurora's default scheduler would reject this" as a warning rather than an
    error about a scheduler they know.
    """

    configured: bool = False
    allowed_container_types: tuple[str, ...] = ("mesos",)
    allow_docker_parameters: bool = False
    allow_container_volumes: bool = False
    allow_gpu_resource: bool = False
    max_tasks_per_job: int = 4000
    max_update_instance_failures: int = 20000
    allowed_job_environments: str = DEFAULT_ENVIRONMENTS
    min_required_instances_for_sla_check: int = 20
    max_sla_duration_secs: int = 7200
    sla_aware_kill_non_prod: bool = False
    tiers: Mapping[str, Tier] = DEFAULT_TIERS
    default_tier: str = "preemptible"
    custom_executors: tuple[str, ...] = ()

    def environment_allowed(self, environment: str) -> bool:
        return re.fullmatch(self.allowed_job_environments, environment) is not None


class RunContext(NamedTuple):
    """Everything rules may consult beyond the job itself."""

    clusters: Mapping[str, Cluster] | None = None  # None: no clusters.json was found
    clusters_source: str = ""
    # False when a clusters.json could not be read: it may define clusters not listed here.
    clusters_complete: bool = True
    profiles: Mapping[str, ClusterProfile] = MappingProxyType({})

    def profile(self, cluster: str) -> ClusterProfile:
        return self.profiles.get(cluster) or ClusterProfile()
