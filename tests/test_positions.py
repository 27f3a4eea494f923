"""Every field of a job can be traced to the keyword, literal or call that set it."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import chain, load, where, write

PROCESS = "Process(name='p', cmdline='c')"
RESOURCES = "Resources(cpu=1, ram=1*MB, disk=1*MB)"


@pytest.fixture
def nested(tmp_path: Path):
    write(tmp_path, "lib/helpers.aurora", """
        def lib_process(name):
          return Process(name=name,
                         cmdline='run --port {{thermos.ports[http]}}')
    """)
    path = write(tmp_path, "main.aurora", """
        include('lib/helpers.aurora')
        def make_process(name, cmd):
          return Process(name=name, cmdline=cmd)
        procs = [make_process('p%d' % i, 'echo %d' % i) for i in range(2)]
        a = Docker(image='x'); b = Docker(image='y')
        task = Task(processes = procs + [lib_process('z'), {'name': 'fromdict', 'cmdline': 'c'}],
                    resources = Resources(
                        cpu = 1, ram = 64*MB,
                        disk = 1))
        base = Job(role='r', cluster='c', task=task,
                   container=Docker(image='{{tag}}'), update_config=UpdateConfig(batch_size=2),
                   constraints={'host': 'limit:1', 'dedicated': 'r/x'})
        jobs = [base(environment='prod').bind(tag='1'), Job(role='r2', cluster='c', environment='x', task=task, container=b)]
    """)
    evaluation = load(path)
    assert evaluation.error is None
    return evaluation


def test_keyword_of_the_call_that_set_a_field(nested) -> None:
    assert where(nested, 0, "role") == "main.aurora:10:12"
    assert where(nested, 0, "update_config.batch_size") == "main.aurora:11:74"


def test_template_call_sets_a_field(nested) -> None:
    # base(environment='prod'): the keyword of the template call, not Job(...).
    assert where(nested, 0, "environment") == "main.aurora:13:14"


def test_job_itself_is_its_latest_call(nested) -> None:
    assert where(nested, 0, "") == "main.aurora:13:9"  # base(environment='prod').bind(tag='1')
    assert where(nested, 1, "") == "main.aurora:13:49"  # two calls on one line: the second


def test_two_calls_on_one_line_are_told_apart(nested) -> None:
    assert where(nested, 1, "container") == "main.aurora:13:105"
    assert where(nested, 1, "container.image") == "main.aurora:5:35"  # b = Docker(image='y')


def test_nested_multiline_calls(nested) -> None:
    assert where(nested, 0, "task.resources") == "main.aurora:7:13"
    assert where(nested, 0, "task.resources.ram") == "main.aurora:8:26"
    assert where(nested, 0, "task.resources.disk") == "main.aurora:9:17"


def test_default_value_points_at_the_call_that_built_the_struct(nested) -> None:
    assert where(nested, 0, "update_config.watch_secs") == "main.aurora:11:61"  # UpdateConfig(...)
    assert where(nested, 0, "task.max_failures") == "main.aurora:6:8"  # Task(...)
    # A schema default struct (HealthCheckConfig()) was built by nobody here: the job's call.
    assert where(nested, 0, "health_check_config.interval_secs") == "main.aurora:13:9"


def test_helper_function_follows_the_parameter_to_the_caller(nested) -> None:
    # cmdline=cmd inside make_process: the argument the caller passed, 'echo %d' % i.
    assert where(nested, 0, "task.processes[0].cmdline") == "main.aurora:4:34"
    assert where(nested, 0, "task.processes[1].name") == "main.aurora:4:23"
    assert chain(nested, 0, "task.processes[0].cmdline") == []


def test_methods_and_constructors_skip_self_when_following_a_parameter(tmp_path: Path) -> None:
    path = write(tmp_path, "methods.aurora", f"""
        class Factory(object):
          def __init__(self, cpu):
            self.resources = Resources(cpu=cpu, ram=1*MB, disk=1*MB)
          def process(self, name, cmd):
            return Process(name=name, cmdline=cmd)
          @classmethod
          def named(cls, name):
            return Task(name=name, processes=[{PROCESS}], resources={RESOURCES})
        factory = Factory(2)
        proc = factory.process('p', 'echo hi')
        task = Factory.named('t')(processes=[proc], resources=factory.resources)
        jobs = [Job(role='r', cluster='c', environment='prod', task=task)]
    """)
    evaluation = load(path)
    assert where(evaluation, 0, "task.processes[0].name") == "methods.aurora:10:24"
    assert where(evaluation, 0, "task.processes[0].cmdline") == "methods.aurora:10:29"
    assert where(evaluation, 0, "task.resources.cpu") == "methods.aurora:9:19"
    assert where(evaluation, 0, "task.name") == "methods.aurora:11:22"



def test_a_method_called_through_its_class_with_self_written_out(tmp_path: Path) -> None:
    path = write(tmp_path, "explicit.aurora", """
        class Base(object):
          def __init__(self, cpu):
            self.resources = Resources(cpu=cpu, ram=1*MB, disk=1*MB)
          def make(self, name):
            return Process(name=name, cmdline='c')
        class Child(Base):
          def __init__(self, cpu):
            Base.__init__(self, cpu)
        child = Child(3)
        proc = Base.make(None, 'many')
        task = Task(name='t', processes=[proc], resources=child.resources)
        jobs = [Job(role='r', cluster='c', environment='prod', task=task)]
    """)
    evaluation = load(path)
    assert where(evaluation, 0, "task.resources.cpu") == "explicit.aurora:9:15"
    assert where(evaluation, 0, "task.processes[0].name") == "explicit.aurora:10:24"



def test_methods_taking_varargs_or_given_another_objects_self(tmp_path: Path) -> None:
    path = write(tmp_path, "more.aurora", """
        class Maker(object):
          def make(self, name, *extra):
            return Process(name=name, cmdline='c')
        class User(object):
          def build(self, maker):
            return maker.make(self, 'mine')
        m = Maker()
        first = m.make('first', 'second')
        mine = User().build(Maker())
        task = Task(name='t', processes=[first, mine], resources=Resources(cpu=1, ram=1*MB, disk=1*MB))
        jobs = [Job(role='r', cluster='c', environment='prod', task=task)]
    """)
    evaluation = load(path)
    assert where(evaluation, 0, "task.processes[0].name") == "more.aurora:8:16"
    # `self` here is the User: passed as the Maker's `name`, an argument written in build().
    assert where(evaluation, 0, "task.processes[1].name") == "more.aurora:6:23"


def test_helper_function_struct_with_call_chain(nested) -> None:
    # processes = procs + [...] is not a literal: the Process(...) call, called from make_process.
    assert where(nested, 0, "task.processes[0]") == "main.aurora:3:10"
    assert chain(nested, 0, "task.processes[0]") == ["called from main.aurora:4:10"]


def test_included_file_and_the_call_chain(nested) -> None:
    assert where(nested, 0, "task.processes[2].cmdline") == "helpers.aurora:3:18"
    assert chain(nested, 0, "task.processes[2].cmdline") == ["called from main.aurora:6:34"]


def test_mustache_inside_a_string(nested) -> None:
    assert where(nested, 0, "task.processes[2].cmdline", ref="thermos.ports[http]") == "helpers.aurora:3:38"
    assert where(nested, 0, "container.image", ref="tag") == "main.aurora:11:36"


def test_dict_coerced_into_a_struct_points_at_the_enclosing_call(nested) -> None:
    assert where(nested, 0, "task.processes[3].name") == "main.aurora:6:8"


def test_dict_literal_value(nested) -> None:
    assert where(nested, 0, "constraints[dedicated]") == "main.aurora:12:57"
    assert where(nested, 0, "constraints") == "main.aurora:12:12"


def test_list_literal_element(tmp_path: Path) -> None:
    path = write(tmp_path, "list.aurora", f"""
        a = {PROCESS}
        b = {PROCESS}
        t = Task(processes=[a,
                            b],
                 constraints=[Constraint(order=['p', 'q'])], resources={RESOURCES})
        jobs = [Job(role='r', cluster='c', environment='prod', task=t)]
    """)
    evaluation = load(path)
    assert where(evaluation, 0, "task.processes[1]") == "list.aurora:4:21"
    assert where(evaluation, 0, "task.constraints[0].order[1]") == "list.aurora:5:46"


def test_bind_keeps_the_origin_of_the_template(tmp_path: Path) -> None:
    path = write(tmp_path, "bind.aurora", f"""
        t = Task(name='t', processes=[{PROCESS}], resources={RESOURCES})
        base = Service(role='r', cluster='c', environment='prod',
                       task=t, contact='{{{{who}}}}@example.com')
        jobs = [
          base(name='a').bind(who='ops'),
          base(name='b').bind(who='dev'),
        ]
    """)
    evaluation = load(path)
    assert where(evaluation, 1, "name") == "bind.aurora:6:8"
    assert where(evaluation, 1, "contact") == "bind.aurora:3:24"
    assert where(evaluation, 0, "contact", ref="who") == "bind.aurora:3:33"
    assert where(evaluation, 0, "") == "bind.aurora:5:3"


def test_columns_count_characters_not_bytes(tmp_path: Path) -> None:
    path = write(tmp_path, "utf8.aurora", f"""
        t = Task(name='tâche', processes=[{PROCESS}], resources={RESOURCES})
        jobs = [Job(contact='équipe', role='r', cluster='c', environment='prod', task=t)]
    """)
    evaluation = load(path)
    assert where(evaluation, 0, "role") == "utf8.aurora:2:31"
    assert where(evaluation, 0, "task.processes") == "utf8.aurora:1:24"


def test_prelude_and_keyword_expansion(tmp_path: Path) -> None:
    prelude = write(tmp_path, "prelude.aurora", f"""
        base = Service(role='r', cluster='c', environment='prod',
                       task=Task(name='t', processes=[{PROCESS}], resources={RESOURCES}))
    """)
    path = write(tmp_path, "main.aurora", """
        overrides = {'name': 'x', 'instances': 2}
        jobs = [base(**overrides)]
    """)
    evaluation = load(path, preludes=(str(prelude),))
    # **overrides cannot be split into keywords: the call itself.
    assert where(evaluation, 0, "instances") == "main.aurora:2:9"
    assert where(evaluation, 0, "role") == "prelude.aurora:1:16"


def test_order_helpers_point_at_the_argument(tmp_path: Path) -> None:
    path = write(tmp_path, "order.aurora", f"""
        a = Process(name='a', cmdline='a'); b = Process(name='b', cmdline='b')
        t = Task(processes=[a, b], resources={RESOURCES},
                 constraints=order(a,
                                   'c'))
        s = SequentialTask(processes=[a,
                                      b], resources={RESOURCES})
        jobs = [Job(role='r', cluster='c', environment='prod', task=t),
                Job(role='r', cluster='c', environment='prod', task=s)]
    """)
    evaluation = load(path)
    assert where(evaluation, 0, "task.constraints[0].order[1]") == "order.aurora:4:28"
    assert where(evaluation, 0, "task.constraints[0]") == "order.aurora:3:22"
    assert where(evaluation, 1, "task.constraints[0].order[1]") == "order.aurora:6:31"
