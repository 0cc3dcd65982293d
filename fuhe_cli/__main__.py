"""Entry point and the single error boundary.

Every failure becomes one line on stderr and a documented exit code
(see `fuhe_cli.errors.ExitCode`); tracebacks only with --debug.
"""
from __future__ import annotations

import sys


def _fast_version(argv: list[str]) -> bool:
    # `fuhe --version` must not pay for importing typer, rich or pydantic.
    if argv == ["--version"]:
        from fuhe_cli import __version__

        print(f"fuhe {__version__}")
        return True
    return False


# Options of the whole program, accepted anywhere on the line (`fuhe extract -q report.txt`).
GLOBAL_FLAGS = ("-q", "--quiet", "--debug")


def _global_flags_first(argv: list[str]) -> list[str]:
    """Move the global flags before the command, where Typer reads them; `--` ends the options."""
    end = argv.index("--") if "--" in argv else len(argv)
    flags = [arg for arg in argv[:end] if arg in GLOBAL_FLAGS]
    if not flags:
        return argv
    return flags + [arg for arg in argv[:end] if arg not in GLOBAL_FLAGS] + argv[end:]


def _help_only(argv: list[str]) -> bool:
    """`fuhe CMD --help`: render the help without parsing the line.

    Parsing processes every option of the program, and Typer coerces their values through
    pydantic; the help needs none of that, and stays fast (bench/bench.py times it).
    """
    end = argv.index("--") if "--" in argv else len(argv)
    if "--help" not in argv[:end]:
        return False
    import typer
    import typer.main

    from fuhe_cli.cli import app

    command = typer.main.get_command(app)
    context = typer.Context(command, info_name="fuhe")
    for word in argv[:end]:
        if word.startswith("-"):
            continue
        sub = command.get_command(context, word) if hasattr(command, "get_command") else None
        if sub is None:
            break
        command, context = sub, typer.Context(sub, info_name=word, parent=context)
    typer.echo(context.get_help())
    return True


def main(argv: list[str] | None = None) -> int:
    argv = _global_flags_first(list(sys.argv[1:] if argv is None else argv))
    if _fast_version(argv):
        return 0
    from fuhe_cli import console
    from fuhe_cli.errors import ExitCode, FuheError

    try:
        import typer  # Typer vendors Click since 0.26: its exceptions come from typer

        from fuhe_cli.cli import app

        if _help_only(argv):
            return 0
        try:
            result = app(args=argv, prog_name="fuhe", standalone_mode=False)
        except typer.Abort:
            raise KeyboardInterrupt from None
        except typer.Exit as exit_:
            if exit_.exit_code == ExitCode.INTERRUPTED:
                console.error("interrupted")
            return int(exit_.exit_code or 0)
        except typer.TyperException as exc:
            # Usage errors (bad option, missing argument): Typer's own message, exit 2.
            print(f"fuhe: error: {exc.format_message()}", file=sys.stderr)
            return int(ExitCode.USAGE)
        code = int(result or 0) if isinstance(result, int) else 0
        if code == ExitCode.INTERRUPTED:  # Typer turns Ctrl-C into Exit(130)
            console.error("interrupted")
        return code
    except FuheError as exc:
        console.error(str(exc))
        return int(exc.exit_code)
    except KeyboardInterrupt:
        console.error("interrupted")
        return int(ExitCode.INTERRUPTED)
    except BrokenPipeError:
        # The reader of our output went away (`fuhe extract big.txt | head`): stop quietly,
        # and keep Python from complaining when it flushes stdout at exit.
        import os

        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        return 0
    except Exception as exc:  # the boundary: a bug, reported in one line
        if console.debug_enabled():
            import traceback

            traceback.print_exc()
        console.error(f"internal error: {type(exc).__name__}: {exc} (rerun with --debug for a traceback)")
        return int(ExitCode.INTERNAL)


if __name__ == "__main__":
    sys.exit(main())
