"""`fuhe regions`: look up a region by name, pinyin or code."""
from __future__ import annotations

from typing import Annotated

import typer

from fuhe_cli.commands.options import TableOrJson, format_option


def region_payload(query: str, children: bool = False) -> dict:
    """The fuhe.regions/1 envelope for one query (raises UsageError when unknown or ambiguous)."""
    from fuhe_cli.regions import gazetteer, xpcc_division_of

    places = gazetteer()
    region = places.resolve(query)
    payload = {
        "schema": "fuhe.regions/1",
        "region": region.model_dump(mode="json"),
        "parents": [parent.model_dump(mode="json") for parent in places.chain(region)[:-1]],
    }
    division = xpcc_division_of(region.code)
    if division is not None:
        payload["xpcc_division"] = division   # 师市合一: the city is also this XPCC division
    if children:
        payload["children"] = [child.model_dump(mode="json") for child in places.children(region)]
    return payload


def register(app: typer.Typer) -> None:
    @app.command("regions")
    def regions_command(
        query: str = typer.Argument(..., help="Chinese full or short name, pinyin (any case, "
                                              "with or without apostrophe or sheng/shi/xian/qu), or adcode."),
        fmt: Annotated[TableOrJson, format_option("table for people, json for scripts.")] = "table",
        children: bool = typer.Option(False, "--children", help="Also list the region's direct subdivisions."),
    ) -> None:
        """Resolve a region and show its code, level and parents.

        Ambiguous names (taizhou, 朝阳区) exit 2 and list every candidate with its parent;
        where one candidate outranks a field of counties (xi'an, ganzi) it is taken and the
        others are named on stderr.

        Example: fuhe regions yangzhong --format json
        """
        from fuhe_cli import render

        payload = region_payload(query, children=children)
        if fmt == "json":
            render.emit_json(payload)
            return
        rows = [[item["level"], item["code"], item["name"]] for item in payload["parents"]]
        region = payload["region"]
        rows.append([region["level"], region["code"], region["name"]])
        if "xpcc_division" in payload:
            rows.append(["  (师市合一)", "", payload["xpcc_division"]])
        for child in payload.get("children", []):
            rows.append([f"  {child['level']}", child["code"], child["name"]])
        render.emit_rows(["level", "code", "name"], rows, "table")
