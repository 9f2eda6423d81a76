package dev.ossp.runtime.a2a.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseParserTest {
  private static List<SseParser.Event> parse(String text) {
    SseParser parser = new SseParser();
    List<SseParser.Event> events = new ArrayList<>();
    parser.feed(text, events);
    return events;
  }

  private static List<SseParser.Event> parseOneCharAtATime(String text) {
    SseParser parser = new SseParser();
    List<SseParser.Event> events = new ArrayList<>();
    char[] chars = text.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      parser.feed(chars, i, 1, events);
    }
    return events;
  }

  @Test
  void lfCrlfAndCrLineEndingsGiveSameEvents() {
    // given
    String lf = "data: one\n\ndata: two\n\n";

    // when
    List<SseParser.Event> byLf = parse(lf);
    List<SseParser.Event> byCrlf = parse(lf.replace("\n", "\r\n"));
    List<SseParser.Event> byCr = parse(lf.replace("\n", "\r"));
    List<SseParser.Event> split = parseOneCharAtATime(lf.replace("\n", "\r\n"));

    // then
    assertThat(byLf).extracting(SseParser.Event::data).containsExactly("one", "two");
    assertThat(byCrlf).isEqualTo(byLf);
    assertThat(byCr).isEqualTo(byLf);
    assertThat(split).isEqualTo(byLf);
  }

  @Test
  void multiLineDataCommentsAndFields() {
    // when
    List<SseParser.Event> events =
        parse(
            "\uFEFF: a comment\nevent: error\nid: 7\nretry: 1500\ndata: {\"a\":\ndata:1}\n\n"
                + "data\n\nretry: soon\nevent: ignored-without-data\n\ndata: last\n\n");

    // then
    assertThat(events).hasSize(3);
    assertThat(events.get(0).type()).isEqualTo("error");
    assertThat(events.get(0).data()).isEqualTo("{\"a\":\n1}");
    assertThat(events.get(0).lastEventId()).isEqualTo("7");
    assertThat(events.get(0).retry()).isEqualTo(1500L);
    assertThat(events.get(1).type()).isEqualTo("message");
    assertThat(events.get(1).data()).isEmpty();
    assertThat(events.get(2).data()).isEqualTo("last");
    assertThat(events.get(2).lastEventId()).isEqualTo("7");
    assertThat(events.get(2).retry()).isEqualTo(1500L);
  }

  @Test
  void incompleteEventAtEndIsNotDispatched() {
    // given
    SseParser parser = new SseParser();
    List<SseParser.Event> events = new ArrayList<>();

    // when
    parser.feed("data: whole\n\ndata: partial\n", events);

    // then
    assertThat(events).extracting(SseParser.Event::data).containsExactly("whole");
    assertThat(parser.hasPartialEvent()).isTrue();
  }
}
