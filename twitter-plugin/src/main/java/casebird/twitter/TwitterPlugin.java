package casebird.twitter;

import org.pf4j.Plugin;

/** Placeholder replaced by the real plugin. */
public class TwitterPlugin extends Plugin {
}
