package org.evident.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.evident.ingest.Pseudonymiser;

import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code evident key}: where the pseudonym key is and its fingerprint, never the key. */
@Command(name = "key", mixinStandardHelpOptions = true,
        description = {"Show where the pseudonym key is and its fingerprint (never the key itself).",
            "Two machines give the same pseudonyms exactly when their fingerprints match.",
            "The key is $" + Pseudonymiser.KEY_VARIABLE + ", else the file named by $" + Pseudonymiser.KEY_FILE_VARIABLE
                + ", else ~/.config/evident/pseudonym.key, which the first run creates."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the key was found and shown", "1:there is no key yet, or its file cannot be read",
            "2:usage error"})
final class KeyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path defaultFile = ProjectArgument.defaultKeyFile();
        Optional<Pseudonymiser> key = Pseudonymiser.existing(System.getenv(), defaultFile);
        if (key.isEmpty()) {
            spec.commandLine().getErr().println("evident: no pseudonym key yet: the first 'evident run' creates "
                    + Pseudonymiser.keyFile(System.getenv(), defaultFile));
            return Evident.FAILURE;
        }
        out.println("pseudonym key: " + key.get().origin());
        out.println("fingerprint:   " + key.get().fingerprint() + " (the first 16 hex digits of the key's SHA-256)");
        return Evident.OK;
    }

    /** What the first run prints when it has created the key file: what it is for, how to keep it, how to share it. */
    static java.util.List<String> createdMessage(Path file, String fingerprint) {
        return java.util.List.of(
                "evident: created the pseudonym key " + file + " (fingerprint " + fingerprint + ").",
                "  It turns respondent ids into pseudonyms. Keep it: with another key, later survey waves no longer",
                "  link to this one. Back it up somewhere private, outside the project folder, e.g.",
                "    cp " + file + " /a/private/backup/",
                "  To use the same key on another machine, copy the file to ~/.config/evident/pseudonym.key there, or",
                "  set " + Pseudonymiser.KEY_FILE_VARIABLE + "=/path/to/the/copy (or " + Pseudonymiser.KEY_VARIABLE
                        + " to its text).",
                "  'evident key' shows where the key is and its fingerprint: equal fingerprints, same key.");
    }
}
