"""connectors/patches.py, what a turn costs: the event class table, the graph run
without dask and the past states kept for a prediction give what Rasa's own code
gives, and requests to the action server carry the same JSON."""

import asyncio
import json
import types
from typing import Any

import dask
import pytest
from rasa.engine.exceptions import GraphRunError
from rasa.engine.graph import ExecutionContext, GraphComponent, GraphSchema, SchemaNode
from rasa.engine.runner.dask import DaskGraphRunner
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    ActiveLoop,
    Event,
    FollowupAction,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.utils.common import all_subclasses
from rasa.utils.endpoints import EndpointConfig

from connectors import patches


@pytest.fixture
def installed():
    rasa_resolve, rasa_run = Event.__dict__["resolve_by_type"], DaskGraphRunner.run
    rasa_session = EndpointConfig.session
    patches.install()
    yield
    Event.resolve_by_type, DaskGraphRunner.run = rasa_resolve, rasa_run
    EndpointConfig.session = rasa_session


def rasa_resolve_by_type(type_name: str, default: Any = None) -> Any:
    """Rasa 3.6's Event.resolve_by_type, as it is written."""
    for cls in all_subclasses(Event):
        if cls.type_name == type_name:
            return cls
    if type_name == "topic":
        return None
    if default is not None:
        return default
    raise ValueError(f"Unknown event name '{type_name}'.")


def test_every_event_name_gives_rasas_class(installed):
    names = {cls.type_name for cls in all_subclasses(Event)}
    assert {"user", "slot", "action", "reminder", "session_started"} <= names
    for name in names:
        assert Event.resolve_by_type(name) is rasa_resolve_by_type(name)


def test_names_no_class_has_get_rasas_answers(installed):
    assert Event.resolve_by_type("topic") is None
    assert Event.resolve_by_type("no such event", default=SlotSet) is SlotSet
    with pytest.raises(ValueError, match="Unknown event name 'no such event'"):
        Event.resolve_by_type("no such event")


def test_a_class_defined_later_is_found(installed):
    Event.resolve_by_type("user")  # the table is built

    class CoachTestEvent(UserUttered):
        type_name = "coach_test_event"

    assert Event.resolve_by_type("coach_test_event") is CoachTestEvent


def test_stored_events_read_back_the_same(installed):
    stored = [
        UserUttered("done", {"name": "count_rep", "confidence": 0.9}).as_dict(),
        SlotSet("reps_done", 3).as_dict(),
    ]
    read = [Event.from_parameters(event) for event in stored]
    assert [event.as_dict() for event in read] == stored


# -- the graph, run without dask ---------------------------------------------------------

CALLS: list[str] = []


class Add(GraphComponent):
    """Adds what it is given to its own number; records that it ran."""

    def __init__(self, config: dict) -> None:
        self.number = config["number"]

    @classmethod
    def create(cls, config, model_storage, resource, execution_context) -> "Add":
        return cls(config)

    def add(self, **inputs: int) -> int:
        CALLS.append(f"add {self.number}")
        if self.number < 0:
            raise RuntimeError("a node failed")
        return self.number + sum(inputs.values())


def node(number: int, **needs: str) -> SchemaNode:
    return SchemaNode(needs=needs, uses=Add, constructor_name="create", fn="add",
                      config={"number": number})  # fmt: skip


SCHEMA = GraphSchema(
    {
        "a": node(1, start="__input__"),
        "b": node(10, x="a"),
        "c": node(100, x="a"),
        "d": node(1000, left="b", right="c"),
        "unused": node(5, x="a"),
    }
)


def runner(schema: GraphSchema, tmp_path) -> DaskGraphRunner:
    storage = LocalModelStorage(tmp_path)
    return DaskGraphRunner(schema, storage, ExecutionContext(schema, "test-model"))


@pytest.mark.parametrize("targets", [["d"], ["b", "c"], ["d", "a"], None])
def test_a_graph_gives_what_dask_gives(tmp_path, targets):
    rasa_run = DaskGraphRunner.run
    graph = runner(SCHEMA, tmp_path)
    CALLS.clear()
    by_dask = rasa_run(graph, inputs={"__input__": 2}, targets=targets)
    dask_calls = sorted(CALLS)
    patches.install()
    try:
        CALLS.clear()
        assert graph.run(inputs={"__input__": 2}, targets=targets) == by_dask
        assert sorted(CALLS) == dask_calls  # each node once, the same nodes
    finally:
        DaskGraphRunner.run = rasa_run
    if targets and "d" in targets:
        assert by_dask["d"] == 1000 + (10 + 3) + (100 + 3)


def test_each_node_runs_after_what_it_needs(installed, tmp_path):
    CALLS.clear()
    runner(SCHEMA, tmp_path).run(inputs={"__input__": 0}, targets=["d"])
    assert CALLS[0] == "add 1" and CALLS[-1] == "add 1000" and len(CALLS) == 4


def test_plain_values_and_unknown_keys_are_passed_as_dask_passes_them():
    graph = {"x": ("x", 3), "f": (lambda *args: args, "x", "not a key", 7)}
    assert patches.run_graph_in_order(graph, ["f", "x"]) == list(dask.get(graph, ["f", "x"]))


def test_a_failing_node_fails_the_run_as_in_rasa(tmp_path):
    rasa_run = DaskGraphRunner.run
    graph = runner(GraphSchema({"a": node(-1, start="__input__")}), tmp_path)
    with pytest.raises(Exception) as by_dask:
        rasa_run(graph, inputs={"__input__": 0}, targets=["a"])
    patches.install()
    try:
        with pytest.raises(type(by_dask.value), match="graph component for node a"):
            graph.run(inputs={"__input__": 0}, targets=["a"])
    finally:
        DaskGraphRunner.run = rasa_run


def test_a_cycle_is_a_graph_run_error(installed):
    graph = {"a": (lambda x: x, "b"), "b": (lambda x: x, "a")}
    with pytest.raises(RuntimeError):
        patches.run_graph_in_order(graph, ["a"])


def test_an_input_named_like_a_node_is_refused_as_in_rasa(installed, tmp_path):
    with pytest.raises(GraphRunError, match="clashes with a node name"):
        runner(SCHEMA, tmp_path).run(inputs={"__input__": "a"}, targets=["d"])


# -- past states, replayed once per prediction -------------------------------------------

STATES_DOMAIN = Domain.from_dict(
    {
        "intents": ["count_rep", "faq"],
        "actions": ["action_coach"],
        "slots": {"reps": {"type": "float", "mappings": []}},
    }
)


def a_conversation() -> DialogueStateTracker:
    events = [ActionExecuted("action_listen")]
    for reps in range(1, 4):
        events += [
            UserUttered("done", {"name": "count_rep"}),
            ActionExecuted("action_coach"),
            SlotSet("reps", reps),
            ActionExecuted("action_listen"),
        ]
    return DialogueStateTracker.from_events("fiona", events, slots=STATES_DOMAIN.slots)


@pytest.fixture
def rasa_past_states():
    rasa = DialogueStateTracker.past_states
    patches.install()
    yield rasa
    DialogueStateTracker.past_states = rasa


@pytest.mark.parametrize("arguments", [{}, {"omit_unset_slots": True}])
def test_past_states_are_rasas_and_each_caller_gets_its_own(rasa_past_states, arguments):
    tracker = a_conversation()
    expected = rasa_past_states(tracker, STATES_DOMAIN, **arguments)
    first = tracker.past_states(STATES_DOMAIN, **arguments)
    first[-1].clear()  # as featurizers change what they are given
    del first[0]
    again = tracker.past_states(STATES_DOMAIN, **arguments)
    assert again == expected and again is not first


def test_past_states_are_replayed_once_until_the_conversation_changes(
    rasa_past_states, monkeypatch
):
    replays = []
    rasa_replay = DialogueStateTracker.generate_all_prior_trackers

    def counted(self):
        replays.append(len(self.events))
        return rasa_replay(self)

    tracker = a_conversation()
    monkeypatch.setattr(DialogueStateTracker, "generate_all_prior_trackers", counted)
    tracker.past_states(STATES_DOMAIN)
    tracker.past_states(STATES_DOMAIN)  # the second policy
    assert len(replays) == 1
    tracker.past_states(STATES_DOMAIN, omit_unset_slots=True)  # other arguments
    assert len(replays) == 2
    tracker.update(UserUttered("how long do I hold it", {"name": "faq"}))
    states = tracker.past_states(STATES_DOMAIN)
    assert len(replays) == 3
    assert states == rasa_past_states(tracker, STATES_DOMAIN)
    assert states[-1]["user"]["intent"] == "faq"


# -- requests to the action server, encoded with ujson ------------------------------------


def test_a_request_body_is_the_same_json(installed):
    body = {
        "next_action": "action_coach",
        "tracker": {"events": [{"event": "user", "timestamp": 1795675371.1329336,
                                "text": "é / \u2028 \ud800", "parse_data": {"confidence": 0.1}}]},
        "domain": {"slots": {"reps": {"type": "float"}}, "numbers": [1e-7, 10**30, None, True]},
    }  # fmt: skip
    assert json.loads(patches.json_for_requests(body)) == json.loads(json.dumps(body))
    assert patches.json_for_requests(body).isascii()


def test_what_ujson_refuses_goes_to_the_json_module(installed, monkeypatch):
    def refuses(value: Any) -> str:
        raise OverflowError("ujson cannot")

    monkeypatch.setattr(patches.ujson, "dumps", refuses)
    assert patches.json_for_requests({"reps": [1, 2]}) == json.dumps({"reps": [1, 2]})
    with pytest.raises(TypeError):
        patches.json_for_requests({"x": object()})  # as json.dumps refuses it


def test_the_action_endpoints_session_encodes_with_it(installed):
    async def made() -> Any:
        async with EndpointConfig("http://127.0.0.1:1/webhook").session() as session:
            return session._json_serialize

    assert asyncio.run(made()) is patches.json_for_requests


# -- both policies' past states from one replay ----------------------------------------

LOOP_DOMAIN = Domain.from_dict(
    {
        "intents": ["count_rep", "faq", "affirm"],
        "entities": ["side"],
        "actions": ["action_coach", "utter_answer", "action_check"],
        "slots": {
            "reps": {"type": "float", "mappings": []},
            "side": {"type": "categorical", "values": ["left", "right"], "mappings": []},
            "asked": {"type": "bool", "mappings": []},
        },
        "forms": {"checklist_form": {"required_slots": ["asked"]}},
    }
)


def a_conversation_with_rule_turns_and_a_loop() -> DialogueStateTracker:
    """Hidden rule turns, a follow-up action, an active loop and entities: every branch
    of Rasa's ignore_rule_only_turns code."""
    listen = ActionExecuted("action_listen")
    events = [
        listen,
        UserUttered("left side", {"name": "count_rep"}, [{"entity": "side", "value": "left"}]),
        ActionExecuted("action_coach"),
        SlotSet("side", "left"),
        ActionExecuted("action_listen", hide_rule_turn=True),
        UserUttered("how long", {"name": "faq"}),
        ActionExecuted("utter_answer", hide_rule_turn=True),
        ActionExecuted("action_listen", hide_rule_turn=True),
        UserUttered("yes", {"name": "affirm"}),
        ActionExecuted("checklist_form"),
        ActiveLoop("checklist_form"),
        SlotSet("requested_slot", "asked"),
        ActionExecuted("action_listen"),
        UserUttered("yes", {"name": "affirm"}),
        ActionExecuted("checklist_form", hide_rule_turn=True),
        SlotSet("asked", True),
        FollowupAction("action_check"),
        ActionExecuted("action_check"),
        ActiveLoop(None),
        SlotSet("reps", 4),
        ActionExecuted("action_listen"),
        UserUttered("done", {"name": "count_rep"}),
    ]
    return DialogueStateTracker.from_events("fiona", events, slots=LOOP_DOMAIN.slots)


@pytest.mark.parametrize(
    "rule_only_data",
    [
        None,
        {"rule_only_slots": [], "rule_only_loops": []},
        {"rule_only_slots": ["asked", "side"], "rule_only_loops": ["checklist_form"]},
    ],
)
@pytest.mark.parametrize("omit_unset_slots", [False, True])
@pytest.mark.parametrize(
    "conversation", [a_conversation, a_conversation_with_rule_turns_and_a_loop]
)
def test_one_replay_gives_both_of_rasas_lists(conversation, omit_unset_slots, rule_only_data):
    domain = (
        LOOP_DOMAIN if conversation is a_conversation_with_rule_turns_and_a_loop else STATES_DOMAIN
    )
    tracker = conversation()
    rasa = [
        domain.states_for_tracker_history(tracker, omit_unset_slots, ignore, rule_only_data)
        for ignore in (False, True)
    ]
    both = patches.states_both_ways(domain, tracker, omit_unset_slots, rule_only_data)
    assert list(both) == rasa
    if conversation is a_conversation_with_rule_turns_and_a_loop:
        assert len(rasa[1]) < len(rasa[0])  # the hidden turns were left out


def test_the_second_policy_finds_its_states_made(rasa_past_states, monkeypatch):
    replays = []
    rasa_replay = DialogueStateTracker.generate_all_prior_trackers

    def counted(self):
        replays.append(len(self.events))
        return rasa_replay(self)

    monkeypatch.setattr(DialogueStateTracker, "generate_all_prior_trackers", counted)
    tracker = a_conversation_with_rule_turns_and_a_loop()
    rule_only = {"rule_only_slots": [], "rule_only_loops": []}
    memoization = tracker.past_states(
        LOOP_DOMAIN, ignore_rule_only_turns=True, rule_only_data=dict(rule_only)
    )
    rule_policy = tracker.past_states(LOOP_DOMAIN, rule_only_data=rule_only)
    assert len(replays) == 1
    assert memoization == LOOP_DOMAIN.states_for_tracker_history(tracker, False, True, rule_only)
    assert rule_policy == LOOP_DOMAIN.states_for_tracker_history(tracker, False, False, rule_only)


def test_the_rule_policys_states_alone_do_not_make_the_other_list(rasa_past_states, monkeypatch):
    made = []
    both_ways = patches.states_both_ways

    def counted(*args, **kwargs):
        found = both_ways(*args, **kwargs)
        made.append(found)
        return found

    monkeypatch.setattr(patches, "states_both_ways", counted)
    tracker = a_conversation_with_rule_turns_and_a_loop()
    rule_only = {"rule_only_slots": [], "rule_only_loops": []}
    rule_policy = tracker.past_states(LOOP_DOMAIN, rule_only_data=rule_only)
    assert rule_policy == LOOP_DOMAIN.states_for_tracker_history(tracker, False, False, rule_only)
    assert len(made) == 1 and made[0][1] == []  # no list without rule-only turns
    memoization = tracker.past_states(
        LOOP_DOMAIN, ignore_rule_only_turns=True, rule_only_data=dict(rule_only)
    )  # asked for later: made then, as Rasa makes it
    assert memoization == LOOP_DOMAIN.states_for_tracker_history(tracker, False, True, rule_only)


# -- no deep copies for the debug log ----------------------------------------------------


def test_only_deep_copies_given_to_the_logger_are_skipped():
    logged = "structlogger.debug('x', states=copy.deepcopy(states))\n"
    assert patches.deep_copies_only_for_the_log(logged)
    assert not patches.deep_copies_only_for_the_log(logged + "kept = copy.deepcopy(states)\n")
    assert not patches.deep_copies_only_for_the_log(logged + "kept = copy.copy(states)\n")
    assert not patches.deep_copies_only_for_the_log("logger.debug(copy.deepcopy(states))\n")


def test_the_policies_log_what_they_would_have_copied(installed):
    import importlib

    states = [{"user": {"intent": "faq"}}]
    for name in patches.LOGGED_ONLY_COPIES:
        module = importlib.import_module(name)
        assert module.copy.deepcopy(states) is states


# -- the response selector's keys, from a table -------------------------------------------


def test_response_keys_are_rasas_first_matches(installed):
    from rasa.nlu.selectors.response_selector import ResponseSelector

    rasa_resolve = ResponseSelector._resolve_intent_response_key.rasa
    responses = {
        "utter_faq/hold": [{"text": "Hold each lift for 2 seconds."}, {"text": "faq/reps"}],
        "utter_faq/reps": [{"text": "Ten each side."}],
        "utter_faq/empty": [{"image": "x.png"}],
    }
    selector = ResponseSelector.__new__(ResponseSelector)
    selector.responses = responses
    labels = ["faq/hold", "faq/reps", "Ten each side.", "", "faq/none", None, 3]
    expected = {
        "faq/hold": "faq/hold",
        "faq/reps": "faq/hold",  # a text of an earlier key wins, as in Rasa's walk
        "Ten each side.": "faq/reps",
        "": "faq/empty",
    }
    for name in labels:
        found = selector._resolve_intent_response_key({"name": name})
        assert found == expected.get(name) == rasa_resolve(selector, {"name": name})


# -- rules, checked as far back as they reach ---------------------------------------------


def test_the_rules_left_are_rasas(installed):
    import itertools
    import json as json_module

    from rasa.core.policies.rule_policy import RulePolicy

    listen = {"prev_action": {"action_name": "action_listen"}}
    faq = {"user": {"intent": "faq"}, "prev_action": {"action_name": "action_listen"}}
    rep = {"user": {"intent": "count_rep"}, "prev_action": {"action_name": "action_listen"}}
    coach = {"user": {"intent": "faq"}, "prev_action": {"action_name": "action_coach"}}
    start = {}
    rules = [[listen, faq], [faq], [start, faq], [rep, coach], [listen, rep, coach], [coach]]
    lookup = {json_module.dumps(rule): f"action_{n}" for n, rule in enumerate(rules)}
    policy = RulePolicy.__new__(RulePolicy)
    rasa_keys = RulePolicy._get_possible_keys.rasa
    conversations, answers = 0, set()
    for length in range(0, 6):
        for states in itertools.product([start, listen, faq, rep, coach], repeat=length):
            states = list(states)
            found = policy._get_possible_keys(lookup, states)
            assert found == rasa_keys(policy, lookup, states)
            conversations, answers = conversations + 1, answers | {frozenset(found)}
    assert conversations > 3000 and len(answers) > 5  # many different sets of rules left
    assert policy._get_possible_keys({}, [faq]) == set()


def test_the_loaded_agent_is_left_out_of_garbage_collection(monkeypatch):
    import gc

    from rasa.core import agent

    loaded = object()

    async def rasa_load(*args: Any, **kwargs: Any) -> Any:
        return loaded

    frozen = []
    monkeypatch.setattr(agent, "load_agent", rasa_load)
    monkeypatch.setattr(patches.gc, "freeze", lambda: frozen.append(gc.get_count()))
    patches._loaded_model_left_out_of_garbage_collection()
    assert agent.load_agent is not rasa_load
    assert asyncio.run(agent.load_agent("model.tar.gz")) is loaded
    assert len(frozen) == 1
    patches._loaded_model_left_out_of_garbage_collection()  # installed once only
    assert asyncio.run(agent.load_agent("model.tar.gz")) is loaded
    assert len(frozen) == 2


def test_a_prediction_called_flat_gives_what_tensorflows_call_gives():
    import numpy as np
    import tensorflow as tf

    signature = [[tf.TensorSpec([None, 3], tf.float32), tf.TensorSpec([None], tf.int64)]]

    @tf.function(input_signature=signature)
    def step(batch):
        return {"sum": tf.reduce_sum(batch[0], axis=1) * tf.cast(batch[1], tf.float32)}

    traced = step.get_concrete_function()
    specs = patches.flat_signature(traced)
    assert [spec.dtype for spec in specs] == [tf.float32, tf.int64]
    batch = (np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.5]], dtype=np.float32), np.array([2, 3]))
    inputs = patches.flat_inputs(specs, batch)
    flat = traced._call_flat(inputs, traced.captured_inputs)
    assert np.array_equal(flat["sum"].numpy(), traced(list(batch))["sum"].numpy())
    # What does not fit the signature goes TensorFlow's own way.
    assert patches.flat_inputs(specs, (batch[0].astype(np.float64), batch[1])) is None
    assert patches.flat_inputs(specs, (np.zeros((2, 4), dtype=np.float32), batch[1])) is None
    assert patches.flat_inputs(specs, batch[:1]) is None
    assert patches.flat_inputs(None, batch) is None


class CountingProcessor:
    """Stands in for a MessageProcessor: its graph runner and Rasa's parse, counted."""

    def __init__(self, *components: type) -> None:
        self.graph_runner = types.SimpleNamespace()
        self.parsed: list[str] = []
        nodes = {str(n): types.SimpleNamespace(uses=c) for n, c in enumerate(components)}
        schema = types.SimpleNamespace(nodes=nodes)
        self.model_metadata = types.SimpleNamespace(predict_schema=schema)


@pytest.fixture
def cached_parse(monkeypatch):
    from rasa.core.processor import MessageProcessor

    def rasa_parse(self: Any, message: Any, tracker: Any, only_output_properties: bool = True):
        self.parsed.append(message.text)
        return {"text": message.text, "intent": {"name": "affirm", "confidence": 0.9}}

    monkeypatch.setattr(MessageProcessor, "_parse_message_with_graph", rasa_parse)
    patches._texts_parsed_once()
    return MessageProcessor._parse_message_with_graph


def message(text: str) -> Any:
    return types.SimpleNamespace(text=text, metadata={"channel": "rest"}, message_id="m1")


def test_a_text_seen_before_is_not_parsed_again(cached_parse):
    processor = CountingProcessor()
    first = cached_parse(processor, message("done"), None)
    first["intent"]["full_retrieval_intent_name"] = "changed by the turn"
    again = cached_parse(processor, message("done"), None)
    assert processor.parsed == ["done"]
    assert again == {"text": "done", "intent": {"name": "affirm", "confidence": 0.9}}
    assert again is not first and again["intent"] is not first["intent"]
    cached_parse(processor, message("Done"), None)  # another text: parsed
    assert processor.parsed == ["done", "Done"]


def test_each_loaded_model_has_its_own_parses(cached_parse):
    old, new = CountingProcessor(), CountingProcessor()
    cached_parse(old, message("yes"), None)
    cached_parse(new, message("yes"), None)
    assert old.parsed == new.parsed == ["yes"]


def test_the_whole_message_is_always_parsed(cached_parse):
    processor = CountingProcessor()
    for _ in range(2):
        cached_parse(processor, message("yes"), None, only_output_properties=False)
    assert processor.parsed == ["yes", "yes"]


def test_the_oldest_text_leaves_a_full_cache(cached_parse, monkeypatch):
    monkeypatch.setattr(patches, "NLU_CACHE_SIZE", 2)
    processor = CountingProcessor()
    for text in ("one", "two", "one", "three", "one", "two"):
        cached_parse(processor, message(text), None)
    # "two" was the least recently used when "three" came; "one" stayed.
    assert processor.parsed == ["one", "two", "three", "two"]


def test_a_cache_size_of_nought_parses_every_message(cached_parse, monkeypatch):
    monkeypatch.setattr(patches, "NLU_CACHE_SIZE", 0)
    processor = CountingProcessor()
    for _ in range(3):
        cached_parse(processor, message("done"), None)
    assert processor.parsed == ["done", "done", "done"]


def test_requests_to_the_action_server_share_kept_connections(installed):
    from aiohttp import web

    peers: list = []

    async def webhook(request: web.Request) -> web.Response:
        peers.append(request.transport.get_extra_info("peername"))
        return web.json_response({"events": [], "responses": []})

    async def run() -> list:
        app = web.Application()
        app.router.add_post("/webhook", webhook)
        runner = web.AppRunner(app)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]
        endpoint = EndpointConfig(f"http://127.0.0.1:{port}/webhook", token="t")
        try:
            found = [await endpoint.request(json={"n": n}, method="post") for n in range(3)]
            session = endpoint.session()
            assert session._json_serialize is patches.json_for_requests
            assert session.connector is patches.kept_alive_connector()
            await session.close()
            assert not patches.kept_alive_connector().closed  # the session did not own it
            return found
        finally:
            await runner.cleanup()
            await patches.kept_alive_connector().close()

    assert asyncio.run(run()) == [{"events": [], "responses": []}] * 3
    assert len(peers) == 3 and len(set(peers)) == 1  # one connection for the three

    async def connector() -> Any:
        return patches.kept_alive_connector()

    first = asyncio.run(connector())
    assert asyncio.run(connector()) is not first  # another event loop, its own connector


def test_the_domain_is_written_once_and_the_body_is_the_same_json(installed, monkeypatch):
    domain = {"responses": {"utter_hi": [{"text": "Hi é"}]}, "slots": {}}
    calls = {"next_action": "action_coach", "tracker": {"events": []}, "domain": domain}
    written: list = []
    dumps = patches.ujson.dumps
    monkeypatch.setattr(patches.ujson, "dumps", lambda value: written.append(value) or dumps(value))
    for _ in range(3):
        assert json.loads(patches.json_for_requests(calls)) == calls
    assert sum(value is domain for value in written) == 1
    other = {**calls, "domain": {"responses": {}}}  # another domain (a new model): written
    assert json.loads(patches.json_for_requests(other)) == other
    assert json.loads(patches.json_for_requests({"domain": domain})) == {"domain": domain}


def test_a_model_with_a_component_not_known_to_read_only_the_text_is_always_parsed(
    cached_parse,
):
    from rasa.nlu.classifiers.diet_classifier import DIETClassifier

    from nlp.spelling import SpellingCorrector

    class ReadsTheMetadata:
        pass

    known = CountingProcessor(SpellingCorrector, DIETClassifier)
    unknown = CountingProcessor(SpellingCorrector, DIETClassifier, ReadsTheMetadata)
    for _ in range(2):
        cached_parse(known, message("yes"), None)
        cached_parse(unknown, message("yes"), None)
    assert known.parsed == ["yes"]
    assert unknown.parsed == ["yes", "yes"]
