"""What the harness scripts share about running clang-tidy with the plugin."""

# Lines by which clang-tidy (or the loader) says a --load did not work.
PLUGIN_LOAD_MARKERS = (
    "Error opening",
    "error: unable to load plugin",
    "could not load",
    "undefined symbol",
    "-load request ignored",
)


def is_version_mismatch(line):
    """The plugin's own LLVM version-mismatch line (its 'cannot tell the
    version' line is only a warning and the plugin keeps working)."""
    line = line.strip()
    return ("cgocheck:" in line and "built for LLVM" in line
            and not line.startswith("cgocheck: warning:"))


def is_load_failure(line):
    """True if `line` says the plugin was not loaded or refused to run."""
    return any(m in line for m in PLUGIN_LOAD_MARKERS) or is_version_mismatch(line)
