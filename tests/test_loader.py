"""The loader runs configs with Aurora's semantics."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from auroralint.loader import IncludeError
from auroralint.schema import base_namespace
from helpers import jobs, load, write

TASK = "Task(name='t', processes=[Process(name='p', cmdline='c')], resources=Resources(cpu=1, ram=1*MB, disk=1*MB))"
JOB = f"Job(role='r', cluster='c', environment='prod', name='j', task={TASK})"

# The names Aurora 0.22's loader puts in a config's namespace (besides __builtins__).
AURORA_NAMES = set("""
Boolean Integer Float String Enum List Map Struct Choice Required Default Empty Environment Ref
Namable MustacheParser Type TypeCheck TypeFactory base basic choice composite container naming
parsing typing sys BYTES KB MB GB TB Process Task Resources Constraint Logger RotatePolicy
LoggerDestination LoggerMode ThermosContext order SequentialTask SimpleTask combine_tasks
concat_tasks java_options python_options Tasks Processes Units Options Job MesosJob UpdateConfig
QueueUpdateStrategy BatchUpdateStrategy VariableBatchUpdateStrategy HealthCheckConfig
HealthCheckerConfig HttpHealthChecker ShellHealthChecker LifecycleConfig HttpLifecycleConfig
Announcer Container Docker Parameter Mesos AppcImage DockerImage Volume Mode PartitionPolicy
Metadata ExecutorConfig CountSlaPolicy PercentageSlaPolicy CoordinatorSlaPolicy MesosContext
MesosTaskInstance Service DefaultHealthChecker DefaultLifecycleConfig DisableLifecycle
AURORA_EXECUTOR_NAME
""".split())


def test_namespace_has_aurora_names() -> None:
    # Aurora also leaks pystachio.config and compatibility; auroralint leaves those two out.
    assert set(base_namespace()) == AURORA_NAMES


def test_each_file_gets_a_fresh_namespace(tmp_path: Path) -> None:
    polluting = write(tmp_path, "a.aurora", f"MB = 1\nJob = None\nleaked = 1\njobs = [{JOB.replace('Job(', 'MesosJob(')}]\n")
    clean = write(tmp_path, "b.aurora", f"assert 'leaked' not in dir()\njobs = [{JOB}]\n")
    assert load(polluting).error is None
    evaluation = load(clean)
    assert evaluation.error is None
    assert jobs(evaluation)[0].data["task"]["resources"]["ram"] == 1024 * 1024


def test_include_is_relative_to_the_including_file_and_shares_the_namespace(tmp_path: Path) -> None:
    write(tmp_path, "lib/a.aurora", "include('b.aurora')\nfrom_a = from_b + 1\n")
    write(tmp_path, "lib/b.aurora", "from_b = 41\njobs = ['overridden later']\n")
    main = write(tmp_path, "deploy/main.aurora", f"include('../lib/a.aurora')\njobs = [{JOB}(instances=from_a)]\n")
    cwd = os.getcwd()
    os.chdir(tmp_path / "lib")  # the current directory plays no part
    try:
        evaluation = load(main)
    finally:
        os.chdir(cwd)
    assert jobs(evaluation)[0].data["instances"] == 42


def test_include_of_an_absolute_path(tmp_path: Path) -> None:
    shared = write(tmp_path, "shared/task.aurora", f"TASK = {TASK}\n")
    main = write(tmp_path, "main.aurora", f"include({str(shared)!r})\njobs = [Job(role='r', cluster='c', environment='prod', task=TASK)]\n")
    assert jobs(load(main))[0].data["name"] == "t"


def test_include_goes_up_from_where_a_symlink_points(tmp_path: Path) -> None:
    # deploy/common -> ../shared/common: `common/../base.aurora` is shared/base.aurora, as
    # the system (and Aurora's client) resolve it, not deploy/base.aurora.
    write(tmp_path, "shared/base.aurora", "instances = 7\n")
    write(tmp_path, "shared/common/empty.aurora", "")
    write(tmp_path, "deploy/base.aurora", "instances = 1\n")
    (tmp_path / "deploy" / "common").symlink_to(tmp_path / "shared" / "common")
    main = write(tmp_path, "deploy/main.aurora",
                 f"include('common/../base.aurora')\njobs = [{JOB}(instances=instances)]\n")  # fmt: skip
    assert jobs(load(main))[0].data["instances"] == 7


def test_include_cycle_is_an_error_not_a_recursion(tmp_path: Path) -> None:
    write(tmp_path, "a.aurora", "include('b.aurora')\n")
    write(tmp_path, "b.aurora", "include('a.aurora')\n")
    evaluation = load(tmp_path / "a.aurora")
    assert isinstance(evaluation.error, IncludeError)
    assert "a.aurora -> b.aurora -> a.aurora" in str(evaluation.error).replace(str(tmp_path) + "/", "")


def test_only_top_level_jobs_are_read(tmp_path: Path) -> None:
    evaluation = load(write(tmp_path, "j.aurora", f"job = {JOB}\nother = [job]\n"))
    assert evaluation.jobs == [] and not evaluation.jobs_defined


def test_bind_as_aurora_job_create_does(tmp_path: Path) -> None:
    # The e2e pattern: a struct bound by the config, one of its fields overridden by --bind.
    path = write(tmp_path, "bind.aurora", f"""
class Profile(Struct):
  instances = Default(Integer, 1)
  tag = Default(String, 'stable')
jobs = [{JOB}(instances='{{{{profile.instances}}}}', contact='{{{{who}}}}').bind(profile=Profile())]
""")
    evaluation = load(path)
    plain = jobs(evaluation)[0]
    assert plain.data["instances"] == 1 and plain.unbound == ("who",)
    bound = jobs(evaluation, (("profile.instances", "3"), ("who", "ops")))[0]
    assert bound.data["instances"] == 3 and bound.data["contact"] == "ops" and bound.unbound == ()


def test_legacy_aliases_are_rewritten_and_runtime_refs_stay_unbound(tmp_path: Path) -> None:
    path = write(tmp_path, "alias.aurora", f"""
jobs = [{JOB}(contact='{{{{mesos.role}}}}@{{{{mesos.cluster}}}}',
             task={TASK}(processes=[Process(name='p', cmdline='run {{{{thermos.user}}}} {{{{mesos.instance}}}} {{{{thermos.ports[http]}}}}')]))]
""")
    job = jobs(load(path))[0]
    assert job.data["contact"] == "r@c"
    assert job.data["task"]["processes"][0]["cmdline"] == "run r {{mesos.instance}} {{thermos.ports[http]}}"
    assert job.unbound == ("mesos.instance", "thermos.ports[http]")


def test_environment_and_getuser(tmp_path: Path) -> None:
    path = write(tmp_path, "env.aurora", f"""
import os, getpass
jobs = [{JOB}(name=os.environ['APP'], role=getpass.getuser())]
""")
    before = dict(os.environ)
    evaluation = load(path, env={"APP": "web", "USER": "deployer", "LOGNAME": "deployer"})
    assert dict(os.environ) == before  # restored after the run
    job = jobs(evaluation)[0]
    assert (job.data["name"], job.data["role"]) == ("web", "deployer")


def test_python2_integer_division(tmp_path: Path) -> None:
    path = write(tmp_path, "div.aurora", f"jobs = [{JOB}(instances=7/2, priority=int(7.0/2))]\n")
    data = jobs(load(path))[0].data
    assert (data["instances"], data["priority"]) == (3, 3)
    future = write(tmp_path, "future.aurora", f"from __future__ import division\nhalf = 1/2\njobs = [{JOB}(contact=str(half))]\n")
    assert jobs(load(future))[0].data["contact"] == "0.5"
    augmented = write(tmp_path, "augmented.aurora", f"""
count = 7
count /= 2
sizes = {{'ram': 9}}
sizes['ram'] /= 2
class Box(object):
    share = 5.0
box = Box()
box.share /= 2
jobs = [{JOB}(instances=count, priority=sizes['ram'], contact=str(box.share))]
""")
    data = jobs(load(augmented))[0].data
    assert (data["instances"], data["priority"], data["contact"]) == (3, 4, "2.5")


def test_python2_builtins_return_lists(tmp_path: Path) -> None:
    path = write(tmp_path, "map.aurora", f"""
names = ['a', 'b'] + [chr(ord('a') + i) for i in range(3)[2:]]
procs = map(lambda n: Process(name=n, cmdline='run ' + n), names)
assert range(2) + [5] == [0, 1, 5]
ordered = zip(names, names[1:])
jobs = [{JOB}(task={TASK}(processes=procs, constraints=sum([order(*pair) for pair in ordered], [])))]
""")
    data = jobs(load(path))[0].data
    assert [p["name"] for p in data["task"]["processes"]] == ["a", "b", "c"]
    assert data["task"]["constraints"] == [{"order": ["a", "b"]}, {"order": ["b", "c"]}]


def test_prelude_runs_first_in_the_same_namespace(tmp_path: Path) -> None:
    prelude = write(tmp_path, "site.py", "def Packer(name):\n    return 'fetch ' + name\n")
    main = write(tmp_path, "main.aurora", f"jobs = [{JOB}(contact=Packer('app'))]\n")
    assert jobs(load(main, preludes=(str(prelude),)))[0].data["contact"] == "fetch app"


def test_service_is_a_job_template() -> None:
    names = base_namespace()
    assert names["Job"] is names["MesosJob"]
    assert isinstance(names["Service"], names["Job"]) and names["Service"].service().get() is True


def test_helpers(tmp_path: Path) -> None:
    path = write(tmp_path, "helpers.aurora", """
a = Process(name='a', cmdline='a')
b = Process(name='b', cmdline='b')
seq = SequentialTask(processes=[a, b], resources=Resources(cpu=1, ram=MB, disk=MB))
simple = SimpleTask('s', 'echo s')
small = Task(name='x', processes=[a], resources=Resources(cpu=0.5, ram=2*MB, disk=MB), finalization_wait=10)
large = Task(name='y', processes=[b], resources=Resources(cpu=1.5, ram=MB, disk=3*MB), finalization_wait=20)
both = combine_tasks(small, large)
chain = concat_tasks(small, large)
flags = java_options('server', Xmx='1g') + ' ' + python_options('v', {'log': 'debug'}, quiet=0)
jobs = [Job(role='r', cluster='c', environment='prod', task=t, contact=flags)
        for t in (seq, simple, both, chain)]
""")
    seq, simple, both, chain = (job.data for job in jobs(load(path)))
    assert seq["task"]["constraints"] == [{"order": ["a", "b"]}]
    assert simple["task"]["resources"] == {"cpu": 1.0, "ram": 1024**3, "disk": 1024**3, "gpu": 0}
    assert simple["task"]["processes"] == [{"name": "s", "cmdline": "echo s", "daemon": False,
                                            "ephemeral": False, "final": False,
                                            "max_failures": 1, "min_duration": 5}]
    # combine: the last task is the base; resources add up; the longest finalization wait.
    assert both["task"]["name"] == "y"
    assert both["task"]["resources"] == {"cpu": 2.0, "ram": 3 * 1024**2, "disk": 4 * 1024**2, "gpu": 0}
    assert both["task"]["finalization_wait"] == 20
    # concat: every process of one task before every process of the next; the largest resources.
    assert chain["task"]["constraints"] == [{"order": ["a", "b"]}]
    assert chain["task"]["resources"] == {"cpu": 1.5, "ram": 2 * 1024**2, "disk": 3 * 1024**2, "gpu": 0}
    assert chain["task"]["finalization_wait"] == 30
    assert seq["contact"] == "-server -Xmx 1g -v --log debug --quiet"


@pytest.mark.parametrize("bad", ["SequentialTask(processes=[Process(name='a', cmdline='a')], constraints=order('a'))",
                                 "order(1)"])
def test_helpers_raise_like_aurora(tmp_path: Path, bad: str) -> None:
    evaluation = load(write(tmp_path, "bad.aurora", f"x = {bad}\n"))
    assert isinstance(evaluation.error, ValueError)
