"""Every patch of a library the coach runs on, in one place, installed explicitly at
start-up: `install()` by the Rasa server (scripts/rasa_server.py),
`install_action_server()` by the action server (scripts/action_server.py). Each says
why, and checks the version it was written for, so that an upgrade fails loudly at
start-up instead of misbehaving.

- sanic 21.12: a request header it cannot parse (an empty or non-numeric
  Content-Length) is a ValueError deep in its HTTP parser, answered 500 with a
  traceback in the log. It is a bad request: 400, logged quietly.
- sanic 21.12: it reads a request's body inside the handler's time, so a body
  shorter than its Content-Length (or one trickled in slowly) held the request
  for the whole response timeout (60 s) and was then answered 503 "Response
  Timeout". A body has BODY_SECONDS to arrive once the headers are in: later it
  is answered 408 and the connection closed, on both servers.
- python-engineio 4.7: a long-polling request with more packets than its limit
  (16) raised ValueError, answered with a traceback while the page lost its
  messages. socket.io-client sends what it queued while offline in one request,
  so the limit is MAX_PACKETS_PER_POLL, and a request with more is refused (400)
  before engine.io reads it: its own refusal holds the request open for a
  minute while it waits for the page to collect a goodbye packet.
- rasa 3.6: RemoteAction._validate_action_result checks every reply of the action
  server with jsonschema.validate(), which checks the schema itself again on
  every call: about 20 ms a turn, more than half of the Rasa server's time under
  load (py-spy, 10 users). The same schema with its validator built once takes
  about 1 ms; a reply that fails goes on to Rasa's own check, so the error and
  its message are Rasa's. Each event is checked against the kinds of event of its
  own name only, not against all 23 of the schema's oneOf (the others cannot
  match an event of another name): about 4% of the Rasa server's time.
- rasa 3.6: FailSafeTrackerStore (Agent always wraps the store in one) answers a
  conversation it cannot read as a brand-new one, and keeps a turn it cannot
  save in memory. With our store (connectors/tracker_store.py) both fail the
  turn instead, so the user is told nothing was saved rather than losing a count
  they were told was kept.
- rasa_sdk 3.6: its create_app has no hook for authentication; the action server
  acts on whatever sender id a call names, so every call but /health must carry
  the Rasa server's token (scripts/action_server.py).
- rasa 3.6: MessageProcessor.handle_reminder fires a reminder whenever its job
  runs. With several Rasa processes each may hold the same reminder
  (connectors/reminders.py), so under the user's lock it also checks that the
  stored conversation has not fired or cancelled it yet, and claims it in Redis
  (Rasa's ticket lock is not atomic across processes: two that fire the same
  reminder at the same moment both get ticket 0): it fires once. The body is
  Rasa 3.6's own with those conditions added.
- sanic 21.12: its websocket (sanic/server/websockets/impl.py) hands a bare
  coroutine to asyncio.wait, which Python 3.11 refuses (TypeError), so every
  socket.io websocket upgrade failed and pages stayed on long-polling, a request
  every few seconds each. Its asyncio.wait is given the coroutines as tasks.
  engine.io's route returns nothing once a websocket closes, which Sanic logs as
  a ServerError with a traceback unless the handler is marked as a websocket's.

What a turn costs (README: Speed and memory, the scale table): measured with py-spy
on the Rasa server under the bench's load, each of these was a share of every turn
and is cut here without changing what Rasa computes.
- rasa 3.6: Event.resolve_by_type, called for every stored event each time a
  conversation is read, walks every subclass of Event (with inspect.isabstract on
  each) to find the class of one type name: about 5% of the Rasa server's time.
  The name -> class table is built once (the first class of that name, as Rasa's
  walk finds it) and built again when a name is missing, in case classes were
  defined since.
- rasa 3.6: DaskGraphRunner.run hands the graph (the NLU pipeline once a turn,
  the policies once per predicted action) to dask's scheduler, whose bookkeeping
  (ordering, task states, callbacks) was about 7% of the Rasa server's time for a
  graph of a dozen nodes run synchronously in one thread. The same graph is run
  here by calling each node once after the nodes it needs, in one thread as
  dask's synchronous scheduler does; the inputs, Rasa's checks and its errors are
  Rasa's own.
- rasa 3.6: DialogueStateTracker.past_states replays the whole conversation to
  list its dialogue states, and each policy (Memoization, Rule) asks for them for
  every predicted action: the same replay twice, growing with the conversation.
  The states are kept on the tracker with the events they were made of and given
  again while those events (the same objects, in the same order), the domain and
  the arguments are the same; each caller gets its own copy, since Rasa's
  featurizers change the states they are given. The two policies ask with
  different arguments (the MemoizationPolicy leaves out the turns only rules
  have), so one replay makes both lists (Rasa's loop, both branches of it side
  by side), and the second policy finds its list made: about 8% of the Rasa
  server's time (cProfile, 10 users).
- rasa 3.6: the policies and the message processor deep-copy the states, events
  and parse data they pass to structlog's debug calls, on every prediction, even
  when nothing is logged at debug level: about 3% of the Rasa server's time. In
  those modules (checked at start-up: every copy.deepcopy there is an argument of
  a structlogger call), deepcopy hands the value itself to the logger, which
  renders it at once or drops it.
- rasa 3.6: ResponseSelector._resolve_intent_response_key finds each ranked
  answer's key by walking every response of the domain (about 11 labels a
  message, some 200 responses): the walk is done once into a table with the
  same first match (a key's own name, then its texts, key by key), and looked
  up.
- rasa 3.6: DIET and the ResponseSelector predict through a tf.function with an
  input signature, and each call of it binds and checks the arguments against
  its signature and looks the traced graph up again (TensorFlow's Python side,
  about 1.3 ms a call, two calls a message). The traced graph is taken once with
  tf.function's public get_concrete_function() and called directly: the same
  graph on the same inputs, the same outputs (a call it refuses goes the usual
  way). Called through the traced graph's _call_flat (TensorFlow 2.12's, as its own
  __call__ does after checking the arguments), with the batch converted to each
  input's dtype once it is checked to fit the signature: TensorFlow's check of
  a list of about 20 tensors against the structured signature was about 7% of
  the Rasa server's time (py-spy); 150 held-out parses give the same results
  either way. A batch that does not fit goes TensorFlow's usual way.
- rasa 3.6: RulePolicy._get_possible_keys checks every rule against every state of
  the conversation, back to its start, although a rule of n states is settled
  after n (its check answers True for every earlier state): the walk stops after
  as many states as the longest rule has, with the same rules left.
- rasa 3.6: every message runs the whole NLU pipeline (the spelling corrector,
  spaCy, both featurizers, DIET and the ResponseSelector through TensorFlow):
  about 35% of the Rasa server's time (py-spy, two replicas on PostgreSQL +
  Redis, 10 users). What it gives depends on the text alone: no component of the
  pipeline reads the conversation, the message's metadata or the clock, and the
  loaded model does not change under it. A coach's users send the same short
  texts again and again ("done", "yes", "ready", rep counts, pain scores), so
  each loaded model keeps the parses of the last NLU_CACHE_SIZE texts (the
  parse as Rasa returns it, pickled, so each turn gets its own copy to change),
  and a text seen before is not parsed again. Only the output properties a
  turn uses are kept; a call asking for the whole message goes Rasa's way.
- rasa 3.6: every call of a custom action sends the whole conversation and the
  domain to the action server (about 45 kB in the bench's conversations), which
  aiohttp encodes with the json module: about 1 ms a call. ujson (Sanic's own
  JSON library, which the action server already reads requests with) writes the
  same JSON in about 0.3 ms (the same values: floats to the last digit, ASCII
  only); anything it refuses goes to the json module as before. (ujson also
  writes a few things json refuses, such as a Decimal or a tuple as a key; a
  conversation holds none: Rasa stores it with json.)
  Rasa's session for each request also opened a new connection to the action
  server and closed it after the one request (about 5% of the Rasa server's
  time under the bench's load, and the action server's accepting it): the
  sessions share one connector for the process's event loop, which keeps its
  connections open for KEEP_ALIVE_SECONDS between requests (less than the
  action server's 5 s, so the server never closes one as it is reused). The
  headers, token, timeout and body are Rasa's.
- Python's garbage collector: a loaded model is about 600,000 objects that live
  as long as the process, and every full collection walks all of them (about
  150-350 ms each on this machine), one every few dozen turns. Once the agent is
  loaded they are moved out of the collector's generations (gc.freeze()), so
  collections walk only what turns make; nothing a turn does changes. A model
  loaded later (PUT /model) is frozen the same way; the one it replaces stays in
  memory (frozen objects are never collected).
"""

import asyncio
import gc
import hmac
import importlib.metadata
import json
import logging
import pickle
import types
from collections import OrderedDict
from functools import cache
from typing import Any

import engineio
import jsonschema
import ujson
from engineio import payload as engineio_payload
from sanic import http as sanic_http
from sanic import response
from sanic.exceptions import InvalidUsage, RequestTimeout

from connectors import scale

logger = logging.getLogger(__name__)

MAX_PACKETS_PER_POLL = 64
# Far longer than any client needs to send a body of COACH_MAX_BODY_BYTES after its
# headers; short enough that a client who never sends it cannot hold a request long.
BODY_SECONDS = 10.0
WRITTEN_FOR = {
    "sanic": "21.12.",
    "python-engineio": "4.7.",
    "rasa": "3.6.",
    "aiohttp": "3.9.",
    "tensorflow": "2.12.",
}
WRITTEN_FOR_ACTION_SERVER = {"rasa-sdk": "3.6."}
OPEN_PATHS = ("/health",)  # the action server's: says only that it is up


class PatchedVersionError(RuntimeError):
    pass


def check_versions(written_for: dict[str, str] = WRITTEN_FOR) -> None:
    for package, prefix in written_for.items():
        version = importlib.metadata.version(package)
        if not version.startswith(prefix):
            raise PatchedVersionError(
                f"connectors/patches.py was written for {package} {prefix}x, not {version}: "
                "check each patch against the new version, then update WRITTEN_FOR."
            )


def install() -> None:
    check_versions()
    http = sanic_http.Http
    # Not http1_request_header itself: Sanic recompiles that method from its source.
    if not getattr(http.error_response, "coach_patched", False):
        error_response = http.error_response

        async def bad_header_is_a_bad_request(self: sanic_http.Http, exception: Exception) -> None:
            if self.stage is sanic_http.Stage.REQUEST and isinstance(exception, ValueError):
                exception = InvalidUsage("Bad request header")
            await error_response(self, exception)

        bad_header_is_a_bad_request.coach_patched = True
        http.error_response = bad_header_is_a_bad_request

    _bodies_have_body_seconds()
    engineio_payload.Payload.max_decode_packets = MAX_PACKETS_PER_POLL
    server = engineio.AsyncServer
    if not getattr(server.handle_request, "coach_patched", False):
        handle_request = server.handle_request

        # Patched before Rasa's socket.io channel registers the bound method as its route.
        async def at_most_a_pages_worth(self: engineio.AsyncServer, request: Any) -> Any:
            body = getattr(request, "body", None) or b""
            if request.method == "POST" and body.count(b"\x1e") >= MAX_PACKETS_PER_POLL:
                return response.text("Too many packets in one request.", status=400)
            return await handle_request(self, request)

        at_most_a_pages_worth.coach_patched = True
        # Sanic then takes a websocket's end (no response) as normal (sanic/app.py).
        at_most_a_pages_worth.is_websocket = True
        server.handle_request = at_most_a_pages_worth

    _action_results_checked_with_a_built_schema()
    _event_classes_looked_up_in_a_table()
    _graphs_run_without_dask_bookkeeping()
    _past_states_replayed_once_per_prediction()
    _no_deep_copies_for_the_debug_log()
    _response_keys_looked_up_in_a_table()
    _predictions_through_the_traced_graph()
    _rules_checked_as_far_back_as_they_reach()
    _texts_parsed_once()
    _endpoint_requests_encoded_with_ujson()
    _fail_safe_store_fails_the_turn()
    _fire_reminders_once()
    _websockets_on_python_3_11()
    _loaded_model_left_out_of_garbage_collection()


def freeze_what_is_loaded() -> None:
    """Collect once, then move every object left out of the collector's generations."""
    gc.collect()
    gc.freeze()


def _loaded_model_left_out_of_garbage_collection() -> None:
    from rasa.core import agent

    rasa_load = agent.load_agent
    if getattr(rasa_load, "coach_patched", False):
        return

    async def load_agent(*args: Any, **kwargs: Any) -> Any:
        loaded = await rasa_load(*args, **kwargs)
        freeze_what_is_loaded()
        return loaded

    load_agent.coach_patched = True
    agent.load_agent = load_agent


@cache
def action_result_validator() -> Any:
    from rasa.core.actions.action import RemoteAction

    schema = RemoteAction.action_response_format_spec()
    return jsonschema.validators.validator_for(schema)(schema)


@cache
def validators_by_event() -> tuple[Any, dict[str, Any]] | None:
    """Rasa's schema checks each event against oneOf 23 kinds of event, each kind with
    `"event": {"const": <name>}`: an event can only match the kinds of its own name,
    so checking it against those alone gives the same answer. Returns the schema
    without the oneOf (the reply's shape and each event's common fields) and, by
    event name, a check for the kinds of that name; None if any kind is not keyed
    by a constant name (then the whole schema is used)."""
    import copy

    from rasa.core.actions.action import RemoteAction

    schema = copy.deepcopy(RemoteAction.action_response_format_spec())
    build = jsonschema.validators.validator_for(schema)
    items = schema["properties"]["events"]["items"]
    kinds = items.pop("oneOf")
    names = [kind.get("properties", {}).get("event", {}).get("const") for kind in kinds]
    if not all(isinstance(name, str) for name in names):
        return None
    by_name = {
        name: build({"oneOf": [kind for kind, of in zip(kinds, names, strict=True) if of == name]})
        for name in names
    }
    return build(schema), by_name


def action_result_is_valid(result: Any) -> bool:
    """What action_result_validator().is_valid(result) says, checking each event only
    against the kinds of event of its name."""
    split = validators_by_event()
    if split is None:
        return action_result_validator().is_valid(result)
    shape, by_name = split
    if not shape.is_valid(result):
        return False
    for event in result.get("events") or []:
        check = by_name.get(event["event"])
        if check is None or not check.is_valid(event):
            return False
    return True


def _action_results_checked_with_a_built_schema() -> None:
    from rasa.core.actions.action import RemoteAction

    rasa_check = RemoteAction._validate_action_result
    if getattr(rasa_check, "coach_patched", False):
        return

    def validate_action_result(self: RemoteAction, result: dict[str, Any]) -> bool:
        if action_result_is_valid(result):
            return True
        return rasa_check(self, result)

    validate_action_result.coach_patched = True
    RemoteAction._validate_action_result = validate_action_result


_EVENT_CLASSES: dict[str, type] = {}


def event_class(type_name: str) -> type | None:
    """The class Rasa's Event.resolve_by_type would find for this name, or None."""
    from rasa.shared.core.events import Event
    from rasa.shared.utils.common import all_subclasses

    if type_name not in _EVENT_CLASSES:
        table: dict[str, type] = {}
        for cls in all_subclasses(Event):  # Rasa's order: the first of a name wins
            table.setdefault(cls.type_name, cls)
        _EVENT_CLASSES.clear()
        _EVENT_CLASSES.update(table)
    return _EVENT_CLASSES.get(type_name)


def _event_classes_looked_up_in_a_table() -> None:
    from rasa.shared.core.events import Event

    if getattr(Event.resolve_by_type, "coach_patched", False):
        return

    def resolve_by_type(type_name: str, default: type | None = None) -> type | None:
        found = event_class(type_name)
        if found is not None:
            return found
        # Rasa's own answers for a name no class has.
        if type_name == "topic":
            return None
        if default is not None:
            return default
        raise ValueError(f"Unknown event name '{type_name}'.")

    resolve_by_type.coach_patched = True
    Event.resolve_by_type = staticmethod(resolve_by_type)


def run_graph_in_order(graph: dict[str, Any], targets: list[str]) -> list[Any]:
    """What dask.get(graph, targets) gives for the graphs Rasa builds: each value of
    `graph` is a task (a callable and the keys of what it needs) or a plain value (an
    input); a needed key that is not in the graph is passed as the key itself, as dask
    does. Each task runs once, after what it needs."""
    results: dict[str, Any] = {}

    def value_of(key: str) -> Any:
        if key in results:
            return results[key]
        task = graph[key]
        if type(task) is tuple and task and callable(task[0]):
            needed = [
                value_of(arg) if isinstance(arg, str) and arg in graph else arg for arg in task[1:]
            ]
            results[key] = task[0](*needed)
        else:
            results[key] = task
        return results[key]

    return [value_of(target) for target in targets]


def _graphs_run_without_dask_bookkeeping() -> None:
    from rasa.engine.exceptions import GraphRunError
    from rasa.engine.runner.dask import DaskGraphRunner

    if getattr(DaskGraphRunner.run, "coach_patched", False):
        return

    def run(
        self: DaskGraphRunner,
        inputs: dict[str, Any] | None = None,
        targets: list[str] | None = None,
    ) -> dict[str, Any]:
        run_targets = targets if targets else self._graph_schema.target_names
        minimal_schema = self._graph_schema.minimal_graph_schema(run_targets)
        run_graph = self._build_dask_graph(minimal_schema)
        if inputs:
            self._add_inputs_to_graph(inputs, run_graph)  # Rasa's check of the names
        try:
            return dict(run_graph_in_order(run_graph, run_targets))
        except RuntimeError as e:  # a cycle ends in RecursionError, one too
            raise GraphRunError("Error running runner.") from e

    run.coach_patched = True
    DaskGraphRunner.run = run


PAST_STATES = "_coach_past_states"  # on a tracker: (events, domain, [(arguments, states)])


def copy_of_states(states: list[dict]) -> list[dict]:
    """A state is {"user": {...}, "prev_action": {...}, ...}: featurizers delete keys of
    the inner dicts and items of the list, so both levels are copied."""
    return [
        {key: dict(sub) if isinstance(sub, dict) else sub for key, sub in state.items()}
        for state in states
    ]


def states_both_ways(
    domain: Any,
    tracker: Any,
    omit_unset_slots: bool,
    rule_only_data: dict | None,
    ml_too: bool = True,
) -> tuple[list[dict], list[dict]]:
    """What Rasa 3.6's Domain.states_for_tracker_history gives with ignore_rule_only_turns
    False (the RulePolicy asks for these) and True (the MemoizationPolicy), from one
    replay of the conversation instead of one each. The loop is Rasa's, the two
    branches of its `if ignore_rule_only_turns` side by side; the second list gets its
    own copy of each state, since Rasa's helpers change the state they are given.
    Without ml_too the second list is left empty: the RulePolicy, the only policy now,
    never asks for it."""
    from rasa.shared.core.constants import PREVIOUS_ACTION

    every_turn: list[dict] = []
    ml_turns: list[dict] = []
    last_ml_action_sub_state = None
    turn_was_hidden = False
    for tr, hide_rule_turn in tracker.generate_all_prior_trackers():
        if not turn_was_hidden:
            last_ml_action_sub_state = domain._get_prev_action_sub_state(tr)
        if not tr.followup_action and tr.latest_action_name != tr.active_loop_name:
            turn_was_hidden = hide_rule_turn
        state = domain.get_active_state(tr, omit_unset_slots=omit_unset_slots)
        if ml_too and not turn_was_hidden:
            ml_state = copy_of_states([state])[0]
            domain._remove_rule_only_features(ml_state, rule_only_data)
            if ml_turns:
                domain._substitute_rule_only_user_input(ml_state, ml_turns[-1])
            if last_ml_action_sub_state:
                ml_state[PREVIOUS_ACTION] = last_ml_action_sub_state
            ml_turns.append(domain._clean_state(ml_state))
        every_turn.append(domain._clean_state(state))
    return every_turn, ml_turns


def _past_states_replayed_once_per_prediction() -> None:
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.trackers import DialogueStateTracker

    rasa_past_states = DialogueStateTracker.past_states
    if getattr(rasa_past_states, "coach_patched", False):
        return
    rasa_history = Domain.states_for_tracker_history

    def past_states(
        self: DialogueStateTracker,
        domain: Any,
        omit_unset_slots: bool = False,
        ignore_rule_only_turns: bool = False,
        rule_only_data: dict | None = None,
    ) -> list[dict]:
        arguments = (omit_unset_slots, ignore_rule_only_turns, rule_only_data)
        kept = self.__dict__.get(PAST_STATES)
        if kept is not None:
            events, kept_domain, made = kept
            if (
                kept_domain is domain
                and len(events) == len(self.events)
                and all(a is b for a, b in zip(events, self.events, strict=True))
            ):
                for kept_arguments, states in made:
                    if kept_arguments == arguments:
                        return copy_of_states(states)
            else:
                kept = None
        if kept is None:
            kept = (list(self.events), domain, [])
            self.__dict__[PAST_STATES] = kept
        if type(domain).states_for_tracker_history is rasa_history:
            # Both lists from one replay when the one without rule-only turns (a
            # MemoizationPolicy's) is asked for; the RulePolicy's alone otherwise.
            every_turn, ml_turns = states_both_ways(
                domain, self, omit_unset_slots, rule_only_data, ml_too=ignore_rule_only_turns
            )
            kept[2].append(((omit_unset_slots, False, rule_only_data), every_turn))
            if ignore_rule_only_turns:
                kept[2].append(((omit_unset_slots, True, rule_only_data), ml_turns))
            return copy_of_states(ml_turns if ignore_rule_only_turns else every_turn)
        states = rasa_past_states(self, domain, *arguments)
        kept[2].append((arguments, copy_of_states(states)))
        return states

    past_states.coach_patched = True
    DialogueStateTracker.past_states = past_states


LOGGED_ONLY_COPIES = (
    "rasa.core.policies.rule_policy",
    "rasa.core.policies.memoization",
    "rasa.core.processor",
)


def deep_copies_only_for_the_log(source: str) -> bool:
    """True when every `copy.<name>` in this source is a `copy.deepcopy(...)` given as a
    keyword argument of a `structlogger.<level>(...)` call."""
    import ast

    tree = ast.parse(source)
    logged = set()
    for call in ast.walk(tree):
        function = getattr(call, "func", None)
        if (
            isinstance(call, ast.Call)
            and isinstance(function, ast.Attribute)
            and isinstance(function.value, ast.Name)
            and function.value.id == "structlogger"
        ):
            logged.update(id(keyword.value.func) for keyword in call.keywords
                          if isinstance(keyword.value, ast.Call))  # fmt: skip
    uses = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id == "copy"
    ]
    return bool(uses) and all(node.attr == "deepcopy" and id(node) in logged for node in uses)


def the_value_itself(value: Any, memo: Any = None) -> Any:
    return value


def _no_deep_copies_for_the_debug_log() -> None:
    import importlib
    import inspect

    for name in LOGGED_ONLY_COPIES:
        module = importlib.import_module(name)
        if getattr(module.copy, "coach_patched", False):
            continue
        if not deep_copies_only_for_the_log(inspect.getsource(module)):
            raise PatchedVersionError(f"{name} uses copy beyond its debug log: see patches.py")
        module.copy = types.SimpleNamespace(deepcopy=the_value_itself, coach_patched=True)


RESPONSE_KEYS = "_coach_response_keys"  # on a ResponseSelector: (responses, table)


def response_key_table(responses: dict[str, list[dict]]) -> dict[str, str]:
    """Label name -> intent response key, the first match of Rasa's walk winning."""
    from rasa.shared.nlu.constants import TEXT
    from rasa.shared.nlu.training_data import util

    table: dict[str, str] = {}
    for key, answers in responses.items():
        search_key = util.template_key_to_intent_response_key(key)
        table.setdefault(search_key, search_key)
        for answer in answers:
            table.setdefault(answer.get(TEXT, ""), search_key)
    return table


def _response_keys_looked_up_in_a_table() -> None:
    from rasa.nlu.selectors.response_selector import ResponseSelector

    rasa_resolve = ResponseSelector._resolve_intent_response_key
    if getattr(rasa_resolve, "coach_patched", False):
        return

    def resolve(self: ResponseSelector, label: dict[str, Any]) -> str | None:
        name = label.get("name")
        if not isinstance(name, str):
            return rasa_resolve(self, label)
        kept = self.__dict__.get(RESPONSE_KEYS)
        if kept is None or kept[0] is not self.responses:
            kept = (self.responses, response_key_table(self.responses))
            self.__dict__[RESPONSE_KEYS] = kept
        return kept[1].get(name)

    resolve.coach_patched = True
    resolve.rasa = rasa_resolve  # for the tests' comparison
    ResponseSelector._resolve_intent_response_key = resolve


TRACED = "_coach_traced_predict"  # on a RasaModel: (its tf.function, the traced graph)


def flat_signature(traced: Any) -> list | None:
    """The TensorSpecs of a traced prediction step whose signature is one list of
    tensors (Rasa's _dynamic_signature), if it can be called flat (TensorFlow 2.12)."""
    if not callable(getattr(traced, "_call_flat", None)):
        return None
    try:
        (specs,), kwargs = traced.structured_input_signature
    except (TypeError, ValueError):
        return None
    if kwargs or not isinstance(specs, list | tuple):
        return None
    return list(specs)


def flat_inputs(specs: list | None, batch_in: tuple) -> list | None:
    """The batch as the tensors the traced graph takes, converted as TensorFlow's own
    call converts them (to each spec's dtype); None when any does not fit its spec,
    so that the call goes TensorFlow's usual way and fails or succeeds as there."""
    import tensorflow as tf

    if specs is None or len(batch_in) != len(specs):
        return None
    inputs = []
    for value, spec in zip(batch_in, specs, strict=True):
        if getattr(value, "dtype", None) != spec.dtype.as_numpy_dtype:
            return None
        tensor = tf.convert_to_tensor(value, dtype=spec.dtype)
        if not spec.shape.is_compatible_with(tensor.shape):
            return None
        inputs.append(tensor)
    return inputs


def _predictions_through_the_traced_graph() -> None:
    from rasa.utils.tensorflow import models

    rasa_predict = models.RasaModel._rasa_predict
    if getattr(rasa_predict, "coach_patched", False):
        return

    def predict(self: models.RasaModel, batch_in: tuple) -> dict[str, Any]:
        step = self._tf_predict_step
        if self._run_eagerly or step is None or not self.prepared_for_prediction:
            return rasa_predict(self, batch_in)  # the first call traces the function
        self._training = False
        kept = self.__dict__.get(TRACED)
        if kept is None or kept[0] is not step:
            traced = step.get_concrete_function()
            kept = (step, traced, flat_signature(traced))
            self.__dict__[TRACED] = kept
        try:
            inputs = flat_inputs(kept[2], batch_in)
            if inputs is None:
                raw = kept[1](list(batch_in))  # the signature is one list of tensors
            else:
                raw = kept[1]._call_flat(inputs, kept[1].captured_inputs)
        except (TypeError, ValueError):
            return rasa_predict(self, batch_in)
        outputs = models.tf_utils.sync_to_numpy_or_python_type(raw)
        if models.DIAGNOSTIC_DATA in outputs:
            outputs[models.DIAGNOSTIC_DATA] = self._empty_lists_to_none_in_dict(
                outputs[models.DIAGNOSTIC_DATA]
            )
        return outputs

    predict.coach_patched = True
    models.RasaModel._rasa_predict = predict


def _rules_checked_as_far_back_as_they_reach() -> None:
    from rasa.core.policies.rule_policy import RulePolicy

    rasa_keys = RulePolicy._get_possible_keys
    if getattr(rasa_keys, "coach_patched", False):
        return

    def get_possible_keys(self: RulePolicy, lookup: dict[str, str], states: list) -> set[str]:
        possible_keys = set(lookup.keys())
        reach = max((len(self._rule_key_to_state(key)) for key in possible_keys), default=0)
        for i, state in enumerate(reversed(states)):
            if i >= reach:  # Rasa's _is_rule_applicable is True for all from here on
                break
            possible_keys = {
                key for key in possible_keys if self._is_rule_applicable(key, i, state)
            }
        return possible_keys

    get_possible_keys.coach_patched = True
    get_possible_keys.rasa = rasa_keys  # for the tests' comparison
    RulePolicy._get_possible_keys = get_possible_keys


NLU_CACHE_SIZE = scale.nlu_cache_size()  # checked by scripts/serve.py before start-up
NLU_CACHE = "_coach_nlu_cache"  # on a graph runner (one per loaded model): text -> bytes
# The project's own components, each read to see that it uses the text alone. Rasa's
# built-in NLU components do too. A model with any other component not from Rasa
# (one that might read the message's metadata, say) is parsed every time.
TEXT_ONLY_COMPONENTS = {
    "nlp.spelling.SpellingCorrector",
    "nlp.components.EntityRulesIntentCorrector",
    "nlp.components.AnswerConfidenceFallback",
}


def parses_may_be_kept(model_metadata: Any) -> bool:
    """Whether every component of the model is Rasa's or a text-only one of ours."""
    for node in model_metadata.predict_schema.nodes.values():
        name = f"{node.uses.__module__}.{node.uses.__qualname__}"
        if not name.startswith("rasa.") and name not in TEXT_ONLY_COMPONENTS:
            logger.info("NLU parses are not kept by text: %s may read more than it", name)
            return False
    return True


def _texts_parsed_once() -> None:
    from rasa.core.processor import MessageProcessor

    rasa_parse = MessageProcessor._parse_message_with_graph
    if getattr(rasa_parse, "coach_patched", False):
        return

    def parse(
        self: MessageProcessor, message: Any, tracker: Any, only_output_properties: bool = True
    ) -> dict[str, Any]:
        text = message.text
        if not only_output_properties or not isinstance(text, str):
            return rasa_parse(self, message, tracker, only_output_properties)
        cache = self.graph_runner.__dict__.get(NLU_CACHE)
        if cache is None:
            keep = NLU_CACHE_SIZE > 0 and parses_may_be_kept(self.model_metadata)
            cache = OrderedDict() if keep else False
            self.graph_runner.__dict__[NLU_CACHE] = cache
        if cache is False:
            return rasa_parse(self, message, tracker, only_output_properties)
        kept = cache.get(text)
        if kept is not None:
            cache.move_to_end(text)
            return pickle.loads(kept)
        parse_data = rasa_parse(self, message, tracker, only_output_properties)
        cache[text] = pickle.dumps(parse_data, protocol=pickle.HIGHEST_PROTOCOL)
        if len(cache) > NLU_CACHE_SIZE:
            cache.popitem(last=False)
        return parse_data

    parse.coach_patched = True
    parse.rasa = rasa_parse  # for the tests' comparison
    MessageProcessor._parse_message_with_graph = parse


def _json(value: Any) -> str:
    try:
        return ujson.dumps(value)
    except (TypeError, ValueError, OverflowError):
        return json.dumps(value)


_DOMAIN_JSON: list = [None, ""]  # the domain last sent (Rasa's own dict), and its JSON


def json_for_requests(value: Any) -> str:
    """The JSON of a request body: ujson's, or the json module's for what ujson refuses.
    An action call's domain is the same dict on every call (Domain.as_dict gives the
    loaded domain's own), about 23 kB of JSON: written once, then put in as it is."""
    domain = value.get("domain") if isinstance(value, dict) else None
    if not isinstance(domain, dict) or len(value) < 2:
        return _json(value)
    if _DOMAIN_JSON[0] is not domain:
        _DOMAIN_JSON[:] = [domain, _json(domain)]
    rest = _json({key: part for key, part in value.items() if key != "domain"})
    return f'{rest[:-1]},"domain":{_DOMAIN_JSON[1]}}}'


# Below the action server's (Sanic's KEEP_ALIVE_TIMEOUT, 5 s): a kept connection is
# closed here first, never reused just as the server closes it.
KEEP_ALIVE_SECONDS = 2.0
_CONNECTOR: list = [None, None]  # the event loop, and its connector


def kept_alive_connector() -> Any:
    """One connector for the process's event loop, whose connections are kept open
    between requests; None when no loop runs."""
    import aiohttp

    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        return None
    kept_loop, connector = _CONNECTOR
    if kept_loop is not loop or connector is None or connector.closed:
        connector = aiohttp.TCPConnector(keepalive_timeout=KEEP_ALIVE_SECONDS)
        _CONNECTOR[:] = [loop, connector]
    return connector


def _endpoint_requests_encoded_with_ujson() -> None:
    import aiohttp
    from rasa.utils.endpoints import DEFAULT_REQUEST_TIMEOUT, EndpointConfig

    rasa_session = EndpointConfig.session
    if getattr(rasa_session, "coach_patched", False):
        return

    def session(self: EndpointConfig) -> aiohttp.ClientSession:
        connector = kept_alive_connector()
        if connector is None:  # no event loop running: Rasa's own session
            made = rasa_session(self)
            made._json_serialize = json_for_requests  # what ClientSession(json_serialize=) sets
            return made
        auth = None
        if self.basic_auth:
            auth = aiohttp.BasicAuth(self.basic_auth["username"], self.basic_auth["password"])
        return aiohttp.ClientSession(  # Rasa's session, on the process's kept connections
            headers=self.headers,
            auth=auth,
            timeout=aiohttp.ClientTimeout(total=DEFAULT_REQUEST_TIMEOUT),
            json_serialize=json_for_requests,
            connector=connector,
            connector_owner=False,
        )

    session.coach_patched = True
    EndpointConfig.session = session


def _fail_safe_store_fails_the_turn() -> None:
    from rasa.core.tracker_store import FailSafeTrackerStore

    from connectors.tracker_store import UrlSQLTrackerStore

    if getattr(FailSafeTrackerStore.save, "coach_patched", False):
        return
    rasa_on_retrieve_error = FailSafeTrackerStore.on_tracker_store_retrieve_error
    rasa_save = FailSafeTrackerStore.save

    def fail_the_turn(self: FailSafeTrackerStore, error: Exception) -> None:
        # Mid-session, "done" read as a new conversation would get "no session running".
        if isinstance(self._tracker_store, UrlSQLTrackerStore):
            logger.error("A conversation could not be read, so this turn fails: %s", error)
            raise error
        rasa_on_retrieve_error(self, error)

    async def save_or_fail_the_turn(self: FailSafeTrackerStore, tracker: Any) -> None:
        # Kept in memory, the turn would be lost at the next restart after "That's 6".
        if not isinstance(self._tracker_store, UrlSQLTrackerStore):
            await rasa_save(self, tracker)
            return
        try:
            await self._tracker_store.save(tracker)
        except Exception as error:
            logger.error("A turn could not be saved, so it fails: %s", error)
            raise

    save_or_fail_the_turn.coach_patched = True
    FailSafeTrackerStore.on_tracker_store_retrieve_error = fail_the_turn
    FailSafeTrackerStore.save = save_or_fail_the_turn


def authorized(header: str, token: str) -> bool:
    scheme, _, credential = header.partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(
        credential.strip().encode(), token.encode()
    )


def install_action_server(token: str) -> None:
    """Only calls carrying the Rasa server's token reach the actions."""
    check_versions(WRITTEN_FOR_ACTION_SERVER)
    import rasa_sdk.endpoint

    create_app = rasa_sdk.endpoint.create_app
    if getattr(create_app, "coach_patched", False):
        return

    def create_guarded_app(*args: Any, **kwargs: Any) -> Any:
        app = create_app(*args, **kwargs)

        @app.middleware("request")
        async def only_the_rasa_server(request: Any) -> Any:
            if request.path in OPEN_PATHS:
                return None
            if not authorized(request.headers.get("authorization", ""), token):
                return response.json({"error": "not authorized"}, status=401)
            return None

        # rasa_sdk answers every exception 500; a body that never came is the caller's.
        @app.exception(RequestTimeout)
        async def body_too_late(request: Any, exception: RequestTimeout) -> Any:
            return response.json({"error": str(exception)}, status=408)

        return app

    create_guarded_app.coach_patched = True
    rasa_sdk.endpoint.create_app = create_guarded_app
    # Its token is checked in middleware, which Sanic runs after reading the body.
    _bodies_have_body_seconds()


def _bodies_have_body_seconds() -> None:
    from sanic.request import Request

    if getattr(Request.receive_body, "coach_patched", False):
        return
    receive_body = Request.receive_body

    async def within_body_seconds(self: Request) -> None:
        try:
            await asyncio.wait_for(receive_body(self), BODY_SECONDS)
        except TimeoutError:
            connection = self.stream
            if connection is not None:
                # What is left of the body is never read: answer, then close.
                connection.keep_alive = False
                connection.request_body = 0
            raise RequestTimeout("The request body did not arrive in time.") from None

    within_body_seconds.coach_patched = True
    Request.receive_body = within_body_seconds


async def _wait_for_tasks(aws: Any, **kwargs: Any) -> Any:
    # ensure_future leaves a Future as it is, so sanic's `done is self.recv_cancel` holds.
    return await asyncio.wait([asyncio.ensure_future(a) for a in aws], **kwargs)


def _websockets_on_python_3_11() -> None:
    from sanic.server.websockets import impl

    if getattr(impl.asyncio, "coach_patched", False):
        return
    shim = types.SimpleNamespace(**vars(asyncio))
    shim.wait = _wait_for_tasks
    shim.coach_patched = True
    impl.asyncio = shim


def _fire_reminders_once() -> None:
    from rasa.core.processor import MessageProcessor

    from connectors import reminders

    if getattr(MessageProcessor.handle_reminder, "coach_patched", False):
        return

    async def handle_reminder_once(
        self: MessageProcessor, reminder_event: Any, sender_id: str, output_channel: Any
    ) -> None:
        async with self.lock_store.lock(sender_id):
            tracker = await self.fetch_tracker_and_update_session(sender_id, output_channel)
            if (
                not reminders.still_due(tracker, reminder_event)
                or not reminders.claim(self.lock_store, sender_id, reminder_event)
                or reminder_event.kill_on_user_message
                and self._has_message_after_reminder(tracker, reminder_event)
                or not self._is_reminder_still_valid(tracker, reminder_event)
            ):
                logger.debug("A reminder was not fired: fired, cancelled or outdated.")
            else:
                await self.trigger_external_user_uttered(
                    reminder_event.intent, reminder_event.entities or {}, tracker, output_channel
                )

    handle_reminder_once.coach_patched = True
    MessageProcessor.handle_reminder = handle_reminder_once
