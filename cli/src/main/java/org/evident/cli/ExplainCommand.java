package org.evident.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import org.evident.analysis.Analysis;
import org.evident.analysis.AnalysisResult;
import org.evident.analysis.Assessment;
import org.evident.ingest.Ingest;
import org.evident.ingest.IngestResult;
import org.evident.ingest.Pseudonymiser;
import org.evident.toc.EvaluationProject;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code evident explain}: why an outcome has the grade it has. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Explain why an outcome has its evidence grade.",
            "Prints the rubric rule that fired, the counts it looked at, every evidence",
            "item behind it and the outcome's pathway. Reads the data files; writes only",
            "the aggregates of a records source, as run does (in the project's",
            "aggregates/, or under --state DIR)."})
final class ExplainCommand implements Callable<Integer> {
    @Mixin
    ProjectArgument project;

    @Option(names = "--node", required = true, paramLabel = "ID", description = "A short- or medium-term outcome's id.")
    String node;

    @Option(names = "--period", paramLabel = "P", description = "An assessment period id (default: the latest).")
    String period;

    @Mixin
    StateOption state;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        EvaluationProject opened = state.apply(project.open());
        Pseudonymiser pseudonymiser = ProjectArgument.pseudonymiser(opened);
        IngestResult data = Ingest.read(opened, pseudonymiser, line -> { });
        AnalysisResult analysis = Analysis.run(opened, data);
        List<Assessment> forNode = analysis.evidence().stream().filter(a -> a.node().equals(node)).toList();
        if (forNode.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--node " + node
                    + " is not a graded outcome or impact; the graded nodes are "
                    + String.join(", ", analysis.latestEvidence().stream().map(Assessment::node).toList()));
        }
        Assessment chosen = period == null ? forNode.get(forNode.size() - 1)
                : forNode.stream().filter(a -> a.period().equals(period)).findFirst().orElseThrow(() ->
                        new CommandLine.ParameterException(spec.commandLine(), "--period " + period
                                + " is not an assessment period; they are "
                                + String.join(", ", forNode.stream().map(Assessment::period).toList())));
        out.print(chosen.explain());
        analysis.judgement(node, chosen.period()).ifPresent(j -> out.println("evaluation team's judgement: "
                + j.judgement().grade().label() + (j.agree() ? " (the rule agrees): " : " (the rule differs): ")
                + j.judgement().reason()));
        analysis.pathways().stream().filter(p -> p.pathway().node().equals(node)).findFirst()
                .ifPresent(p -> out.println("pathway (latest period): " + p.summary()));
        if (data.rejectedRows() > 0) {
            out.println("note: " + Evident.plural(data.rejectedRows(), "data row")
                    + " were rejected and are not counted (run `evident run` to see rejects.csv)");
        }
        return Evident.OK;
    }
}
