package casebird.harness.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/** Lists each command in the main usage with its arguments, e.g. {@code run FILE...}. */
final class CommandList {

    private static final int COLUMN = 18;

    private CommandList() {}

    /** Replaces the plain list of command names in {@code line}'s usage with this one. */
    static void install(CommandLine line) {
        line.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_COMMAND_LIST,
                help -> render(line.getSubcommands().values().stream()
                        .map(CommandLine::getCommandSpec).toList()));
    }

    private static String render(List<CommandSpec> commands) {
        StringBuilder text = new StringBuilder();
        for (CommandSpec command : commands) {
            String synopsis = "  " + synopsis(command);
            text.append(synopsis);
            String pad = " ".repeat(COLUMN);
            text.append(synopsis.length() < COLUMN
                    ? " ".repeat(COLUMN - synopsis.length()) : "\n" + pad);
            text.append(String.join("\n" + pad, command.usageMessage().description()));
            text.append('\n');
        }
        return text.toString();
    }

    /** The command's name, its arguments, then its own options, optional ones in [ ]. */
    static String synopsis(CommandSpec command) {
        StringBuilder line = new StringBuilder(command.name());
        for (PositionalParamSpec parameter : command.positionalParameters()) {
            String text = parameter.paramLabel() + (parameter.isMultiValue() ? "..." : "");
            line.append(' ').append(parameter.arity().min() > 0 ? text : "[" + text + "]");
        }
        for (OptionSpec option : command.options()) {
            if (option.inherited() || option.usageHelp()) {
                continue;
            }
            String text = option.longestName()
                    + (option.arity().max() > 0 ? " " + option.paramLabel() : "");
            line.append(' ').append(option.required() ? text : "[" + text + "]");
        }
        return line.toString();
    }
}
