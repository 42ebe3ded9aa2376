package org.amicus.cti.ui.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.amicus.ami.AmiConnection;
import org.amicus.ami.AmiProfiles;
import org.amicus.ami.AmiSecrets;
import org.amicus.ami.OriginateOutcome;
import org.amicus.cti.AgentProfile;
import org.amicus.cti.AgentProfiles;
import org.amicus.cti.AutoAnswer;
import org.amicus.cti.ChannelRegistry;
import org.amicus.cti.CtiActions;
import org.amicus.cti.CtiException;
import org.amicus.cti.ui.actions.MyCallAction;
import org.amicus.cti.ui.parts.ChannelsPart;
import org.amicus.cti.ui.parts.ConnectionStatusControl;
import org.amicus.cti.ui.parts.MyCallPart;
import org.amicus.cti.ui.parts.WidgetIds;
import org.amicus.testing.AgainstTestPbx;
import org.amicus.testing.TestCalls;
import org.amicus.testing.TestPbx;
import org.amicus.testing.ui.UiHarness;
import org.asteriskjava.manager.action.HangupAction;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The agent UI on a Russian workstation ({@code -nl ru}): parts, status line, settings and notices in Russian. */
class RussianTest extends AgainstTestPbx {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final Locale RUSSIAN = Locale.forLanguageTag("ru-RU");
    private Locale before;

    @BeforeEach
    void speakRussian() {
        before = Locale.getDefault();
        UiHarness.speak(RUSSIAN);
    }

    @AfterEach
    void speakAsBefore() {
        UiHarness.speak(Locale.ENGLISH);
        Locale.setDefault(before);
    }

    @Test
    void theChannelsPartSpeaksRussian() throws Exception {
        ChannelRegistry registry = services.get(ChannelRegistry.class);
        try (UiHarness ui = new UiHarness(WidgetIds.KEY)) {
            ui.context.set(ChannelRegistry.class, registry);
            ui.context.set(AmiConnection.class, connection);
            ChannelsPart part = ui.make(ChannelsPart.class);
            Table table = ui.find(Table.class, WidgetIds.CHANNELS_TABLE);
            assertArrayEquals(new String[] { "Канал", "Состояние", "Номер звонящего", "Соединён с", "Длительность",
                    "Приложение", "Связан с" }, Arrays.stream(table.getColumns()).map(TableColumn::getText).toArray());
            assertEquals("Фильтр по каналам, номерам, именам", ui.find(Text.class, WidgetIds.CHANNELS_FILTER)
                    .getMessage());
            assertEquals("Только звонящие", ui.find(Button.class, WidgetIds.CHANNELS_ONLY_RINGING).getText());
            connectAsDesktop();

            OriginateOutcome dialling = TestCalls.customerCallsPhone104(connection);
            try {
                ui.spinUntil(() -> TestCalls.ringingFor(registry.snapshot(), dialling.channelId()) != null, TIMEOUT);
                String ringing = TestCalls.ringingFor(registry.snapshot(), dialling.channelId()).name();
                ui.spinUntil(() -> part.rows().stream()
                        .anyMatch(channel -> channel.name().equals(ringing) && channel.isRinging()), TIMEOUT);
                int row = part.rows().indexOf(part.rows().stream().filter(channel -> channel.name().equals(ringing))
                        .findFirst().orElseThrow());
                assertEquals("Звонит", table.getItem(row).getText(1));
                Label summary = ui.find(Label.class, WidgetIds.CHANNELS_SUMMARY);
                ui.spinUntil(() -> summary.getText()
                        .matches("\\d+ активн\\S+ канал\\S* в \\d+ вызов\\S+, звонят: \\d+"), TIMEOUT);
                ui.screenshot("channels-in-russian");
            } finally {
                connection.send(new HangupAction(dialling.channelId()), TIMEOUT).get(15, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void myCallPartSpeaksRussian() throws Exception {
        AgentProfiles agents = services.get(AgentProfiles.class);
        AgentProfile saved = agents.current();
        agents.save(new AgentProfile("PJSIP/110", AutoAnswer.CALL_INFO, TestPbx.CONTEXT, Duration.ofSeconds(20), ""));
        try (UiHarness ui = new UiHarness(WidgetIds.KEY)) {
            connectAsDesktop();
            ui.context.set(ChannelRegistry.class, services.get(ChannelRegistry.class));
            ui.context.set(CtiActions.class, services.get(CtiActions.class));
            ui.context.set(AgentProfiles.class, agents);
            ui.context.set(AmiConnection.class, connection);
            ui.make(MyCallPart.class);
            Table calls = ui.find(Table.class, WidgetIds.MY_CALL_TABLE);
            assertArrayEquals(new String[] { "С кем", "Очередь", "Состояние", "Длительность", "Запись" },
                    Arrays.stream(calls.getColumns()).map(TableColumn::getText).toArray());
            Label summary = ui.find(Label.class, WidgetIds.MY_CALL_SUMMARY);
            ui.spinUntil(() -> summary.getText().equals("Мой телефон PJSIP/110: нет вызова"), TIMEOUT);
            Button hangUp = ui.find(Button.class, WidgetIds.myCall(MyCallAction.HANG_UP));
            assertEquals("Завершить", hangUp.getText());
            assertEquals("У моего телефона PJSIP/110 нет вызова (Ctrl+Shift+E)", hangUp.getToolTipText());
        } finally {
            agents.save(saved);
        }
    }

    @Test
    void theStatusLineAndTheSettingsSpeakRussian() throws Exception {
        try (UiHarness ui = new UiHarness(WidgetIds.KEY)) {
            ui.context.set(AmiConnection.class, connection);
            ui.context.set(AmiProfiles.class, services.get(AmiProfiles.class));
            ui.context.set(AmiSecrets.class, services.get(AmiSecrets.class));
            ui.context.set(AgentProfiles.class, services.get(AgentProfiles.class));
            ui.make(ConnectionStatusControl.class);
            Label status = ui.find(Label.class, WidgetIds.CONNECTION_STATUS);
            connection.connect(TestPbx.desktop(), TestPbx.DESKTOP_SECRET);
            ui.spinUntil(() -> status.getText().equals("Подключено к " + TestPbx.desktop().server()), TIMEOUT);
            assertEquals("Отключиться", ui.find(Button.class, WidgetIds.CONNECTION_TOGGLE).getText());

            Button settings = ui.find(Button.class, WidgetIds.CONNECTION_SETTINGS);
            assertEquals("Настройки\u2026", settings.getText());
            AtomicReference<String> title = new AtomicReference<>();
            AtomicReference<String> save = new AtomicReference<>();
            AtomicReference<String> badPort = new AtomicReference<>();
            AtomicReference<String> badDevice = new AtomicReference<>();
            ui.whenIdle(() -> {
                Shell dialog = ui.find(Shell.class, WidgetIds.SETTINGS);
                title.set(dialog.getText());
                save.set(ui.find(Button.class, WidgetIds.SETTINGS_SAVE).getText());
                ui.find(Text.class, WidgetIds.SETTINGS_PORT).setText("70000");
                badPort.set(DialogProblem.of(dialog));
                ui.find(Text.class, WidgetIds.SETTINGS_PORT).setText(String.valueOf(TestPbx.PORT));
                ui.find(Text.class, WidgetIds.SETTINGS_DEVICE).setText("108");
                badDevice.set(DialogProblem.of(dialog));
                dialog.close();
            });
            UiHarness.click(settings);
            assertEquals("Настройки Amicus", title.get());
            assertEquals("Сохранить и подключиться", save.get());
            assertEquals("Порт должен быть от 1 до 65535, а не 70000", badPort.get());
            assertEquals("Устройство «108» указано неверно: ожидается что-то вроде PJSIP/104", badDevice.get());
        }
    }

    @Test
    void aServiceFailureIsWordedInTheAgentsLanguageAndLoggedInEnglish() {
        CtiException failure = CtiException.of("noLongerRinging", "PJSIP/104-0000001c");
        assertEquals("PJSIP/104-0000001c уже не звонит", failure.getLocalizedMessage());
        assertEquals("PJSIP/104-0000001c is no longer ringing", failure.getMessage());
        assertEquals("PJSIP/104-0000001c klingelt nicht mehr", failure.message(Locale.GERMAN));
    }
}
