namespace Tuner.Reports.Html;

/// <summary>The report's inline style sheet and script: the file must open with no network access.</summary>
internal static class ReportAssets
{
    public const string Style = """
        body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto; max-width: 1200px; padding: 0 1rem; color: #1d1d1f; }
        h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { font-size: 1.25rem; margin-top: 2.2rem; border-bottom: 1px solid #ddd; }
        .sub { color: #666; margin-top: 0; }
        .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(230px, 1fr)); gap: .8rem; }
        .card { border: 1px solid #ddd; border-radius: 6px; padding: .6rem .9rem; }
        .card b { display: block; font-size: .8rem; color: #666; font-weight: 600; text-transform: uppercase; }
        table { border-collapse: collapse; width: 100%; font-size: .85rem; }
        th, td { border-bottom: 1px solid #eee; padding: .3rem .45rem; text-align: left; vertical-align: top; }
        th { background: #f6f6f6; position: sticky; top: 0; }
        th.sortable { cursor: pointer; } th.sortable:after { content: " ⇅"; color: #aaa; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        .state-complete { color: #1b7f3b; } .state-pruned { color: #8a6d00; } .state-diverged, .state-failed { color: #b00020; } .state-stopped { color: #666; }
        .params { font-family: ui-monospace, monospace; font-size: .78rem; color: #333; max-width: 36rem; }
        .curves { display: grid; grid-template-columns: repeat(auto-fit, minmax(560px, 1fr)); gap: 1rem; }
        .chart svg { max-width: 100%; height: auto; }
        .scroll { max-height: 70vh; overflow: auto; }
        .finding { border-left: 4px solid #999; background: #fafafa; padding: .3rem .8rem; margin: .4rem 0; font-size: .88rem; }
        .finding ul { margin: .2rem 0; padding-left: 1.2rem; } .advice { color: #0b57d0; list-style: none; margin-left: -1rem; }
        .kind-GoodFit { border-color: #1b7f3b; } .kind-Overfitting, .kind-Unstable { border-color: #d97706; }
        .kind-Underfitting { border-color: #0b57d0; } .kind-Diverged, .kind-ExplodingGradients, .kind-VanishingGradients { border-color: #b00020; }
        .effects { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: .6rem; }
        @media print { .scroll { max-height: none; overflow: visible; } th { position: static; } h2 { break-before: auto; } .chart { break-inside: avoid; } }
        """;

    /// <summary>Sorts a table by a clicked header, using each cell's data-key (numbers numerically, blanks last).</summary>
    public const string Script = """
        document.querySelectorAll("table.sortable").forEach(function (table) {
          table.querySelectorAll("th.sortable").forEach(function (header, column) {
            header.addEventListener("click", function () {
              var body = table.tBodies[0];
              var ascending = header.dataset.order !== "asc";
              header.dataset.order = ascending ? "asc" : "desc";
              var index = Array.prototype.indexOf.call(header.parentNode.children, header);
              var rows = Array.prototype.slice.call(body.rows);
              rows.sort(function (a, b) {
                var x = a.cells[index].dataset.key, y = b.cells[index].dataset.key;
                if (x === "" && y === "") return 0; if (x === "") return 1; if (y === "") return -1;
                var nx = parseFloat(x), ny = parseFloat(y);
                var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
                return ascending ? c : -c;
              });
              rows.forEach(function (row) { body.appendChild(row); });
            });
          });
        });
        """;
}
