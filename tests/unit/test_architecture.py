"""The import graph of the ``kiosk`` package has no cycles.

Built with grimp (the engine under import-linter), so in-function imports count; imports
under ``if TYPE_CHECKING:`` do not (they never run). A cycle is reported as the modules of
one strongly connected component, with one concrete loop through them.
"""

from __future__ import annotations

import grimp


def _graph() -> grimp.ImportGraph:
    return grimp.build_graph("kiosk", exclude_type_checking_imports=True, cache_dir=None)


def _edges(graph: grimp.ImportGraph) -> dict[str, set[str]]:
    return {
        module: {
            imported
            for imported in graph.find_modules_directly_imported_by(module)
            if imported.startswith("kiosk.") or imported == "kiosk"
        }
        for module in graph.modules
        if module == "kiosk" or module.startswith("kiosk.")
    }


def _strongly_connected(edges: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's algorithm, iterative (the graph is a few hundred modules deep at most)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components: list[list[str]] = []
    counter = 0
    for root in sorted(edges):
        if root in index:
            continue
        work: list[tuple[str, list[str]]] = [(root, sorted(edges[root]))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, pending = work[-1]
            if pending:
                child = pending.pop()
                if child not in edges:
                    continue
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, sorted(edges[child])))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1 or node in edges[node]:
                    components.append(sorted(component))
    return components


def _loop(graph: grimp.ImportGraph, component: list[str]) -> str:
    first = component[0]
    members = set(component)
    for second in component[1:]:
        if second not in graph.find_modules_directly_imported_by(first):
            continue
        back = graph.find_shortest_chain(importer=second, imported=first)
        if back and set(back) <= members:
            return " -> ".join((first, *back))
    return " <-> ".join(component)


def test_kiosk_import_graph_has_no_cycles() -> None:
    graph = _graph()
    cycles = _strongly_connected(_edges(graph))
    report = "\n".join(
        f"  {', '.join(component)}\n    e.g. {_loop(graph, component)}" for component in cycles
    )
    assert not cycles, f"{len(cycles)} import cycle(s) among kiosk modules:\n{report}"


def test_the_cycle_finder_finds_a_cycle() -> None:
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": {"e"}}
    assert _strongly_connected(edges) == [["a", "b", "c"], ["e"]]


def test_the_views_never_import_the_controller() -> None:
    """The window and its screens are built first; the controller (kiosk.ui.flow) is
    handed the window at the composition site, so no view reaches it, even in a function."""
    graph = _graph()
    found = []
    for view in ("kiosk.ui.main_window", "kiosk.ui.screens", "kiosk.ui.widgets"):
        chain = graph.find_shortest_chains(importer=view, imported="kiosk.ui.flow")
        found.extend(" -> ".join(c) for c in chain)
    assert not found, "views import the controller:\n" + "\n".join(found)


# -- module size ---------------------------------------------------------------------------

LIMIT = 500
# Modules allowed over the limit, each at most the size it had when it was listed: the
# list may only shrink, and a module on it may only get shorter. Empty since the last
# of them were split (issue #12); keep it so.
NOT_YET_SPLIT: dict[str, int] = {}


def _sizes() -> dict[str, int]:
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    return {
        path.relative_to(root).as_posix(): len(path.read_text(encoding="utf-8").splitlines())
        for path in (root / "kiosk").rglob("*.py")
        if "migrations" not in path.parts
    }


def test_no_module_over_500_lines_but_those_still_to_be_split() -> None:
    sizes = _sizes()
    too_long = [
        f"{name}: {n} lines (at most {NOT_YET_SPLIT.get(name, LIMIT)})"
        for name, n in sorted(sizes.items())
        if n > NOT_YET_SPLIT.get(name, LIMIT)
    ]
    assert too_long == []


def test_the_list_of_modules_to_split_is_up_to_date() -> None:
    """A module that was split (or shrank under the limit) leaves the list."""
    sizes = _sizes()
    stale = [name for name in NOT_YET_SPLIT if sizes.get(name, 0) <= LIMIT]
    assert stale == []
