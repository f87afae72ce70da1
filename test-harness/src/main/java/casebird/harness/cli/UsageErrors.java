package casebird.harness.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** Says what was wrong with the command line, then the command's usage: exit status 2. */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine line = e.getCommandLine();
        line.getErr().println(problem(line, e));
        line.getErr().println();
        line.usage(line.getErr());
        return HarnessMain.BAD_INPUT;
    }

    /** The problem in a line: an unknown command, or the arguments a command takes. */
    private static String problem(CommandLine line, ParameterException e) {
        CommandSpec spec = line.getCommandSpec();
        if (!(e instanceof UnmatchedArgumentException unmatched)) {
            return e.getMessage();
        }
        List<String> extra = unmatched.getUnmatched();
        if (spec.parent() == null) {
            return extra.get(0).startsWith("-") ? e.getMessage()
                    : "unknown command '" + extra.get(0) + "'";
        }
        if (!spec.positionalParameters().isEmpty()) {
            return e.getMessage();
        }
        List<String> own = spec.options().stream()
                .filter(o -> !o.inherited() && !o.usageHelp())
                .map(OptionSpec::longestName).toList();
        return spec.name() + " takes no argument" + (own.isEmpty() ? "" : " but "
                + String.join(" or ", own)) + ", not " + extra;
    }
}
