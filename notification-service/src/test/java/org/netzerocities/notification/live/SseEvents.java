package org.netzerocities.notification.live;

import java.util.ArrayList;
import java.util.List;

/** The events and comments of a Server-Sent Events body, as a client parses them. */
record SseEvents(List<Event> events, List<String> comments) {

    record Event(String id, String name, String data) {

        long seq() {
            return Long.parseLong(id);
        }
    }

    static SseEvents parse(String body) {
        List<Event> events = new ArrayList<>();
        List<String> comments = new ArrayList<>();
        for (String block : body.replace("\r\n", "\n").split("\n\n")) {
            String id = null;
            String name = null;
            StringBuilder data = null;
            for (String line : block.split("\n")) {
                if (line.startsWith(":")) {
                    comments.add(line.substring(1));
                }
                else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                }
                else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                }
                else if (line.startsWith("data:")) {
                    data = data == null ? new StringBuilder() : data.append('\n');
                    data.append(line.substring(5).strip());
                }
            }
            if (data != null) {
                events.add(new Event(id, name, data.toString()));
            }
        }
        return new SseEvents(events, comments);
    }

    List<Long> seqs() {
        return events.stream().map(Event::seq).toList();
    }
}
