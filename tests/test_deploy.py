"""The production shape (compose file, image, `check --deploy`, the compose
healthchecks) and the one-command embedded run.

There is no Docker engine here, so the compose file is checked by reading it,
and its healthcheck commands are run against the same processes outside Docker.
"""

import http.client
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
SERVICES = ("postgres", "redis", "web", "worker", "beat")
APP_SERVICES = ("web", "worker", "beat")
PRODUCTION_HOST = "sellerdesk.example.com"


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def _command(service: dict) -> str:
    command = service["command"]
    return command if isinstance(command, str) else " ".join(command)


def _environment(service: dict) -> dict[str, str]:
    environment = service["environment"]
    if isinstance(environment, list):
        environment = dict(item.split("=", 1) for item in environment)
    return {key: str(value) for key, value in environment.items()}


def _uninterpolated(value: str) -> str:
    """The value with each ${…} compose variable replaced by a placeholder."""
    return re.sub(r"\$\{[^}]*\}", "placeholder", value)


def _healthcheck_argv(service: dict) -> list[str]:
    """The healthcheck as Docker would run it, after compose's `$$` unescaping."""
    kind, *rest = [part.replace("$$", "$") for part in service["healthcheck"]["test"]]
    if kind == "CMD-SHELL":
        return ["sh", "-c", *rest]
    assert kind == "CMD", kind
    return rest


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _with_venv_on_path(env: dict[str, str]) -> dict[str, str]:
    """`python`, `celery` and `gunicorn` resolve to this virtualenv, as in the image."""
    return {**env, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"}


def _without(*names: str) -> dict[str, str]:
    return {key: value for key, value in os.environ.items() if key not in names}


def _production_env(**overrides: str) -> dict[str, str]:
    return _with_venv_on_path(
        {
            **_without("EMBEDDED"),
            "DJANGO_SETTINGS_MODULE": "helpdesk.settings",
            "DEBUG": "0",
            "SECRET_KEY": secrets.token_urlsafe(64),
            "ALLOWED_HOSTS": PRODUCTION_HOST,
            "SITE_URL": f"https://{PRODUCTION_HOST}",
            "EMAIL_HOST": "smtp.example.com",
            **overrides,
        }
    )


# The compose file and the image


def test_compose_has_the_five_services_each_with_a_healthcheck_and_a_restart_policy(compose):
    services = compose["services"]
    assert set(SERVICES) <= set(services)
    for name in SERVICES:
        test = services[name]["healthcheck"]["test"]
        assert test[0] in {"CMD", "CMD-SHELL"} and len(test) > 1, name
        assert services[name]["restart"] in {"always", "unless-stopped", "on-failure"}, name


def test_compose_runs_gunicorn_after_migrating_and_celery_worker_and_beat(compose):
    services = compose["services"]
    web = _command(services["web"])
    assert "manage.py migrate" in web
    assert re.search(r"gunicorn helpdesk\.wsgi\b.*--bind 0\.0\.0\.0:8000", web)
    assert web.index("migrate") < web.index("gunicorn")
    assert re.fullmatch(r"celery -A helpdesk worker\b.*", _command(services["worker"]))
    assert re.fullmatch(r"celery -A helpdesk beat\b.*", _command(services["beat"]))


def test_compose_gives_the_agents_requests_the_cpu_before_background_work(compose):
    services = compose["services"]
    web = services["web"].get("cpu_shares", 1024)  # Docker's default weight
    for name in ("worker", "beat"):
        assert services[name]["cpu_shares"] < web, name


def test_compose_app_services_wait_for_healthy_postgres_and_redis(compose):
    for name in APP_SERVICES:
        depends_on = compose["services"][name]["depends_on"]
        for backing in ("postgres", "redis"):
            assert depends_on[backing]["condition"] == "service_healthy", (name, backing)


def test_compose_app_services_run_in_production_against_the_compose_backing_services(compose):
    services = compose["services"]
    for name in APP_SERVICES:
        env = _environment(services[name])
        assert env["DEBUG"].lower() in {"0", "false", "no", "off"}, name
        assert re.fullmatch(r"\$\{SECRET_KEY:\?[^}]+\}", env["SECRET_KEY"]), name
        assert env["ALLOWED_HOSTS"], name
        database = urlsplit(_uninterpolated(env["DATABASE_URL"]))
        assert (database.scheme, database.hostname, database.port) == ("postgres", "postgres", 5432), name
        assert database.path.strip("/") == _environment(services["postgres"])["POSTGRES_DB"], name
        redis = urlsplit(env["REDIS_URL"])
        assert (redis.scheme, redis.hostname, redis.port) == ("redis", "redis", 6379), name


def test_compose_keeps_postgres_data_in_a_named_volume(compose):
    volume = compose["services"]["postgres"]["volumes"][0].split(":")
    assert volume[0] in compose["volumes"]
    assert volume[1] == "/var/lib/postgresql/data"


def test_image_installs_the_runtime_only_collects_static_files_and_runs_as_a_user():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert re.search(r"^FROM python:3\.12-slim\b", dockerfile, re.M)
    assert "manage.py collectstatic --noinput" in dockerfile
    assert "pip install" in dockerfile and "[test]" not in dockerfile
    users = re.findall(r"^USER (\S+)", dockerfile, re.M)
    assert users and users[-1] not in {"root", "0"}
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert {".git", ".venv", "tests"} <= set(ignored)


# Production settings


def test_check_deploy_passes_with_the_production_environment():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=_production_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues" in output, output


def test_web_healthcheck_passes_against_production_gunicorn_behind_the_ssl_redirect(compose, tmp_path):
    port = _free_port()
    maintenance_db = urlsplit(os.environ["DATABASE_URL"])._replace(path="/postgres").geturl()
    env = _production_env(DATABASE_URL=maintenance_db)
    log_path = tmp_path / "gunicorn.log"
    with log_path.open("wb") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "helpdesk.wsgi", "--bind", f"127.0.0.1:{port}"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        _wait_for(
            lambda: _http_status(port, "/healthz", PRODUCTION_HOST) == 200,
            "gunicorn to answer /healthz",
            process=server,
            log_path=log_path,
        )
        assert _http_status(port, "/", PRODUCTION_HOST) == 301, "the rest of the site redirects to https"

        argv = _healthcheck_argv(compose["services"]["web"])
        argv[-1] = argv[-1].replace("127.0.0.1:8000", f"127.0.0.1:{port}")
        assert f"127.0.0.1:{port}" in argv[-1]
        check = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=30)
        assert check.returncode == 0, check.stderr

        refused = subprocess.run(
            argv, env={**env, "ALLOWED_HOSTS": "elsewhere.example.com"}, capture_output=True, text=True, timeout=30
        )
        assert refused.returncode != 0, "the healthcheck must fail when the site refuses it"
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _setting(env: dict[str, str], expression: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "--no-imports",
            "-c",
            f"from django.conf import settings; print({expression})",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_debug_is_off_unless_asked_for_and_admins_need_two_factor():
    env = _production_env()
    del env["DEBUG"]
    result = _setting(env, "settings.DEBUG, settings.TWO_FACTOR_ADMINS")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "True"]


def test_the_embedded_run_shows_the_products_error_pages_unless_debug_is_asked_for(tmp_path):
    env = _embedded_env(tmp_path, 8000)
    result = _setting(env, "settings.DEBUG, settings.SECURE, settings.WHITENOISE_USE_FINDERS")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "False", "True"]  # no debug pages; plain http; static from source
    result = _setting({**env, "DEBUG": "1"}, "settings.DEBUG")
    assert result.stdout.split() == ["True"]


@pytest.mark.parametrize("debug", ["0", "1"])
def test_outside_the_embedded_run_there_is_no_default_secret_key(debug):
    env = _production_env(DEBUG=debug)
    del env["SECRET_KEY"]
    result = _setting(env, "settings.SECRET_KEY")
    assert result.returncode != 0 and "SECRET_KEY" in result.stderr, result.stdout


def test_the_image_asks_for_no_debug_and_brings_no_key():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert not re.search(r"^ENV\b.*\b(DEBUG=1|EMBEDDED|SECRET_KEY)", dockerfile, re.M)
    assert "EMBEDDED" not in (ROOT / "docker-compose.yml").read_text()


# The embedded run

WORKER_READY = re.compile(r"celery@\S+ ready\.")
TASK_FROM_BEAT_RAN = re.compile(r"Task helpdesk\.tasks\.sweep_deadlines\[[^\]]+\] succeeded in")


def _embedded_env(tmp_path: Path, port: int) -> dict[str, str]:
    """The laptop defaults (no Redis, SQLite, DEBUG on), in a fresh VAR_DIR."""
    return _with_venv_on_path(
        {
            **_without("REDIS_URL", "DEBUG", "SECRET_KEY"),
            "DJANGO_SETTINGS_MODULE": "helpdesk.settings",
            "EMBEDDED": "1",
            "VAR_DIR": str(tmp_path / "var"),
            "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3",
            "PORT": str(port),
            # Docker sets HOSTNAME; the worker's healthcheck names its node by it.
            "HOSTNAME": socket.gethostname(),
        }
    )


def test_run_embedded_serves_runs_beat_and_worker_and_stops_every_child(compose, tmp_path):
    var_dir = tmp_path / "var"
    port = _free_port()
    env = _embedded_env(tmp_path, port)
    migrate = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert migrate.returncode == 0, migrate.stderr

    log_path = tmp_path / "run_embedded.log"
    worker_log = var_dir / "log" / "worker.log"
    with log_path.open("wb") as log:
        runner = subprocess.Popen(
            [sys.executable, "manage.py", "run_embedded"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
        )
    try:
        _wait_for(
            lambda: _http_status(port, "/healthz", "127.0.0.1") == 200, "/healthz", process=runner, log_path=log_path
        )
        _wait_for(
            lambda: worker_log.exists() and WORKER_READY.search(worker_log.read_text()),
            "the worker to be ready",
            process=runner,
            log_path=log_path,
        )
        _wait_for(
            lambda: TASK_FROM_BEAT_RAN.search(worker_log.read_text()),
            "the worker to run the sweep beat sent through the file broker",
            process=runner,
            log_path=log_path,
        )
        _wait_for(
            lambda: "Press Ctrl-C to stop." in log_path.read_text(), "the banner", process=runner, log_path=log_path
        )
        output = log_path.read_text()
        assert f"Sellerdesk is running at http://127.0.0.1:{port}/" in output
        for user in ("agent", "manager", "admin"):
            assert re.search(rf"^\s+{user}\s+/ demo\b", output, re.M), user
        # The console stays readable: the worker's and beat's lines are in their log, not on it.
        assert not TASK_FROM_BEAT_RAN.search(output) and not WORKER_READY.search(output)

        for name in ("worker", "beat"):
            check = subprocess.run(
                _healthcheck_argv(compose["services"][name]),
                cwd=ROOT,
                env=env,
                capture_output=True,
                text=True,
                timeout=60,
            )
            assert check.returncode == 0, (name, check.stdout, check.stderr)

        children = _processes_started_with(var_dir)
        assert len(children) >= 3, "runner, web server and worker"
        runner.send_signal(signal.SIGTERM)
        assert runner.wait(timeout=60) == 0, log_path.read_text()[-3000:]
        assert "worker: Warm shutdown" in worker_log.read_text(), "the worker finished its tasks"
        _wait_for(lambda: not _processes_started_with(var_dir), "every child to exit", timeout=30)

        stale = time.time() - 600
        for path in var_dir.glob("celerybeat-schedule*"):
            os.utime(path, (stale, stale))
        check = subprocess.run(
            _healthcheck_argv(compose["services"]["beat"]), cwd=ROOT, env=env, capture_output=True, timeout=60
        )
        assert check.returncode != 0, "a beat that stopped ticking is unhealthy"
    finally:
        runner.kill()
        runner.wait()
        for pid in _processes_started_with(var_dir):
            os.kill(pid, signal.SIGKILL)


def test_run_embedded_stops_the_others_and_fails_when_a_child_dies(tmp_path):
    var_dir = tmp_path / "var"
    port = _free_port()
    env = _embedded_env(tmp_path, port)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", port))
        taken.listen()
        try:
            result = subprocess.run(
                [sys.executable, "manage.py", "run_embedded"],
                cwd=ROOT,
                env=env,
                capture_output=True,
                text=True,
                timeout=60,
            )
            left_running = _processes_started_with(var_dir)
        finally:
            for pid in _processes_started_with(var_dir):
                os.kill(pid, signal.SIGKILL)
    assert result.returncode != 0
    assert "The web process exited" in result.stderr, result.stderr
    assert not left_running


def _http_status(port: int, path: str, host: str) -> int | None:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
    try:
        connection.request("GET", path, headers={"Host": host})
        return connection.getresponse().status
    except OSError:
        return None
    finally:
        connection.close()


def _wait_for(predicate, what: str, *, process=None, log_path: Path | None = None, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        if process is not None and process.poll() is not None:
            break
        time.sleep(0.25)
    log = log_path.read_text()[-3000:] if log_path else ""
    pytest.fail(f"gave up waiting for {what} (process exit code {process and process.poll()})\n{log}")


def _processes_started_with(var_dir: Path) -> list[int]:
    """Live processes whose environment names this VAR_DIR: the runner and all it started."""
    marker = f"VAR_DIR={var_dir}".encode()
    pids = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            environ = (proc / "environ").read_bytes()
        except OSError:
            continue
        if marker in environ.split(b"\0"):
            pids.append(int(proc.name))
    return pids
