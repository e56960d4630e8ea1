"""scripts/bench: a throwaway database, then every benchmark module (or those named on the command line)."""

import importlib
import os
import pkgutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("SECRET_KEY", "bench-only")
os.environ.setdefault("HTTPS", "0")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
if "DATABASE_URL" not in os.environ:
    os.environ["DATABASE_URL"] = f"sqlite:///{Path(tempfile.mkdtemp(prefix='secondevie-bench-')) / 'bench.sqlite3'}"


def main(names: list[str]) -> None:
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    package = Path(__file__).parent
    modules = names or sorted(m.name for m in pkgutil.iter_modules([str(package)]) if not m.name.startswith("_"))
    for name in modules:
        module = importlib.import_module(f"benchmarks.{name}")
        print(f"\n== {name} ==")
        module.run()


if __name__ == "__main__":
    main(sys.argv[1:])
