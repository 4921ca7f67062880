package org.escnet.application.services.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.escnet.application.services.table.Cells.run;

import java.util.List;
import org.escnet.application.ports.out.RunQueries.CellResult;
import org.junit.jupiter.api.Test;

/** Exports of a two-cell, two-seed table whose every printed figure was computed by hand. */
class TableExportTest {
    private static final String A150 = "eval/ade150/mIoU";
    private static final String PARAMS = "cost/params";

    // points: 31.0 ± √2 = 1.4, 1.50 M params; masks: 35.5 ± √0.5 = 0.7, 2.00 M params.
    private static final List<CellResult> CELLS = List.of(
            run(1, "points", 0, "SUCCEEDED", A150, 30.0, PARAMS, 1_500_000),
            run(2, "points", 1, "SUCCEEDED", A150, 32.0, PARAMS, 1_500_000),
            run(3, "masks", 0, "SUCCEEDED", A150, 35.0, PARAMS, 2_000_000),
            run(4, "masks", 1, "SUCCEEDED", A150, 36.0, PARAMS, 2_000_000));
    private static final String TITLE = "Prompt ablation_1 & 50%";

    private static AblationTable table(TableOptions options) {
        return AblationTableBuilder.build(TITLE, CELLS, 4, options);
    }

    @Test
    void latexIsABooktabsTableWithMarksSpreadsAndEscapedText() {
        String expected = """
                % Requires \\usepackage{booktabs}. Bold: best, underlined: second best; mean $\\pm$ sample std over n seeds.
                \\begin{table}[t]
                  \\centering
                  \\caption{Prompt ablation\\_1 \\& 50\\%}
                  \\label{tab:prompt-ablation-1-50}
                  \\begin{tabular}{lccc}
                    \\toprule
                    prompts & $n$ & A-150 & Params (M) \\\\
                    \\midrule
                    points & 2 & \\underline{31.0}$\\pm$1.4 & \\textbf{1.50} \\\\
                    masks & 2 & \\textbf{35.5}$\\pm$0.7 & \\underline{2.00} \\\\
                    \\bottomrule
                  \\end{tabular}
                \\end{table}
                """;
        assertThat(TableFormat.LATEX.write(table(TableOptions.DEFAULTS))).isEqualTo(expected);
    }

    @Test
    void latexEscapesEveryCharacterLatexTreatsSpecially() {
        assertThat(LatexTableWriter.escape("a\\b&c%d$e#f_g{h}i~j^k"))
                .isEqualTo("a\\textbackslash{}b\\&c\\%d\\$e\\#f\\_g\\{h\\}i\\textasciitilde{}j\\textasciicircum{}k");
    }

    @Test
    void latexShowsDeltasAndNamesTheBaseline() {
        AblationTable plain = table(TableOptions.DEFAULTS);
        String pointsKey = plain.rows().get(0).key();
        String latex = TableFormat.LATEX.write(table(TableOptions.DEFAULTS.withBaseline(pointsKey)));
        assertThat(latex).contains("difference to the baseline row (prompts=points)");
        assertThat(latex).contains("    points & 2 & \\underline{31.0}$\\pm$1.4 & \\textbf{1.50} \\\\ % baseline\n");
        // 35.5 − 31.0 = +4.5 mIoU, 2.00 − 1.50 = +0.50 M parameters.
        assertThat(latex).contains("    masks & 2 & \\textbf{35.5}$\\pm$0.7 {\\scriptsize(+4.5)} & \\underline{2.00} {\\scriptsize(+0.50)} \\\\\n");
    }

    @Test
    void latexGroupsGetAMulticolumnHeadingAndARuleBetween() {
        String latex = TableFormat.LATEX.write(table(TableOptions.DEFAULTS.withAggregateSeeds(false).withGroupBy("seed")));
        // Four columns (prompts, seed, A-150, params); marks are over the whole table: 36.0 best, 35.0 second.
        assertThat(latex).contains("    \\multicolumn{4}{l}{\\textit{seed = 0}} \\\\\n    points & 0 & 30.0 & \\textbf{1.50} \\\\\n"
                + "    masks & 0 & \\underline{35.0} & \\underline{2.00} \\\\\n");
        assertThat(latex).contains("    \\midrule\n    \\multicolumn{4}{l}{\\textit{seed = 1}} \\\\\n"
                + "    points & 1 & 32.0 & \\textbf{1.50} \\\\\n    masks & 1 & \\textbf{36.0} & \\underline{2.00} \\\\\n");
    }

    @Test
    void markdownUsesBoldUnderlineAndRightAlignedNumbers() {
        String expected = """
                **Prompt ablation\\_1 &amp; 50%** (bold: best, <u>underlined</u>: second best; mean ± sample std over n seeds)

                | prompts | n | A-150 | Params (M) |
                |---|---:|---:|---:|
                | points | 2 | <u>31.0</u> ± 1.4 | **1.50** |
                | masks | 2 | **35.5** ± 0.7 | <u>2.00</u> |
                """;
        assertThat(TableFormat.MARKDOWN.write(table(TableOptions.DEFAULTS))).isEqualTo(expected);
    }

    @Test
    void markdownEscapesPipesSoCellsStayCells() {
        assertThat(MarkdownTableWriter.escape("a|b*c")).isEqualTo("a\\|b\\*c");
    }

    @Test
    void csvKeepsFullPrecisionAndFullKeys() {
        String csv = TableFormat.CSV.write(table(TableOptions.DEFAULTS));
        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).isEqualTo("model.prompts,runs,seeds,eval/ade150/mIoU,eval/ade150/mIoU std,eval/ade150/mIoU n,"
                + "eval/ade150/mIoU mark,cost/params,cost/params std,cost/params n,cost/params mark,baseline");
        assertThat(lines[1]).isEqualTo("points,1 2,0 1,31,1.4142135623730951,2,second,1500000,0,2,best,");
        assertThat(lines[2]).isEqualTo("masks,3 4,0 1,35.5,0.7071067811865476,2,best,2000000,0,2,second,");
    }

    @Test
    void csvQuotesSeparatorsAndDisarmsFormulas() {
        assertThat(CsvTableWriter.quote("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvTableWriter.quote("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvTableWriter.quote("=SUM(A1)")).isEqualTo("'=SUM(A1)");
        assertThat(CsvTableWriter.quote("-1.5")).isEqualTo("-1.5");
    }

    @Test
    void aTruncatedTableSaysSoInEveryTextFormat() {
        AblationTable table = AblationTableBuilder.build(TITLE, CELLS, 4000, TableOptions.DEFAULTS);
        assertThat(table.truncated()).isTrue();
        assertThat(TableFormat.LATEX.write(table)).contains("% Built from the first 4 of 4000 runs.");
        assertThat(TableFormat.MARKDOWN.write(table)).contains("Built from the first 4 of 4000 runs.");
    }

    @Test
    void formatsParseByNameAndRejectOthersNamingTheChoices() {
        assertThat(TableFormat.parse("LaTeX")).isEqualTo(TableFormat.LATEX);
        assertThat(TableFormat.parse("markdown")).isEqualTo(TableFormat.MARKDOWN);
        assertThatThrownBy(() -> TableFormat.parse("xlsx")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown table format 'xlsx'; expected one of latex, markdown, csv");
    }
}
