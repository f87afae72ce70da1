package casebird.harness.cli;

import casebird.harness.scenario.ApiVersion;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The {@code --api v1.1|v2} option of the commands that run scenarios. */
final class ApiOption {

    @Option(names = "--api", paramLabel = "VERSION", converter = Words.class,
            description = {"the X API of scenarios that name no 'api': v1.1 or v2",
                "(default: ${DEFAULT-VALUE})"})
    private ApiVersion api = ApiVersion.DEFAULT;

    /** The API chosen, or the default. */
    ApiVersion api() {
        return api;
    }

    /** Reads an API's word as scenario files write it. */
    static final class Words implements ITypeConverter<ApiVersion> {
        @Override
        public ApiVersion convert(String word) {
            return ApiVersion.fromWord(word).orElseThrow(() -> new TypeConversionException(
                    "'" + word + "' is not an X API: write v1.1 or v2"));
        }
    }
}
