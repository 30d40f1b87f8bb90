package io.hermod.cli.store;

import io.hermod.store.file.LogEntry;
import io.hermod.store.proto.LogRecord;
import io.hermod.store.proto.MessageRecord;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** One line per record (and, with payloads, the header block and payload indented below it). */
final class TextRecordPrinter implements RecordPrinter {
    private final PrintWriter out;
    private final boolean payloads;

    TextRecordPrinter(PrintWriter out, boolean payloads) {
        this.out = out;
        this.payloads = payloads;
    }

    @Override
    public void print(LogEntry entry) {
        LogRecord record = entry.record();
        String where = "cycle " + entry.cycle() + " #" + entry.position();
        if (record == null) {
            out.printf("%10s  torn record at %s (CRC32C mismatch or cut short)%n", "-", where);
            return;
        }
        switch (record.getEntryCase()) {
            case MESSAGE -> message(record.getMessage(), entry.held());
            case DELETE -> out.printf("%10s  tombstone: seq %d deleted%n", "-", record.getDelete().getSeq());
            case PURGE -> out.printf("%10s  purge: filter %s, below seq %d%s%n", "-",
                    record.getPurge().getSubjectFilter().isEmpty() ? ">" : record.getPurge().getSubjectFilter(),
                    record.getPurge().getUpToSeq(),
                    record.getPurge().getHasKeep() ? ", keep " + record.getPurge().getKeep() : "");
            case RESUME -> out.printf("%10s  recovery marker: next seq %d (%s)%n", "-",
                    record.getResume().getNextSeq(), where);
            case SKIP -> out.printf("%10d  skipped: sequence used without a message (no interest)%n",
                    record.getSkip().getSeq());
            case ENTRY_NOT_SET -> out.printf("%10s  empty record at %s%n", "-", where);
        }
    }

    private void message(MessageRecord m, boolean held) {
        out.printf("%10d  %s  %s  headers %s, payload %s%s%s%n", m.getSeq(), Readable.time(m.getTimestampNanos()),
                m.getSubject(), Readable.bytes(m.getHeaders().size()), Readable.bytes(m.getPayload().size()),
                m.getMsgId().isEmpty() ? "" : ", msg id " + m.getMsgId(), held ? "" : "  (removed)");
        if (payloads) {
            if (!m.getHeaders().isEmpty()) {
                for (String line : m.getHeaders().toString(StandardCharsets.UTF_8).split("\r\n")) {
                    if (!line.isEmpty()) {
                        out.println("            " + printable(line));
                    }
                }
            }
            out.println("            " + printable(m.getPayload().toString(StandardCharsets.UTF_8)));
        }
    }

    /** Control characters shown escaped, so a payload cannot move the cursor or break the line structure. */
    private static String printable(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            if (c == '\n') {
                b.append("\\n");
            } else if (c == '\r') {
                b.append("\\r");
            } else if (c == '\t') {
                b.append("\\t");
            } else if (Character.isISOControl(c)) {
                b.append(String.format("\\x%02x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }

    @Override
    public void finish(long printed) {
        out.println(printed + " record(s)");
    }
}
