"""Background tasks: slow work (mail, large imports, harvests) runs outside web requests.

The queue is django-q2's, kept in a table of the project's own database, so no other server
is needed; `clusterhub worker` runs it. The apps use two things from here:

- `enqueue(func, *args, **kwargs)` (clusterhub.tasks.queue): run a module-level function in
  the worker once the current transaction commits. Arguments are plain values (ids, not
  model instances); the task loads its rows itself.
- `register(PeriodicJob(...))` (clusterhub.tasks.periodic): a job the worker runs at fixed
  times. Each app registers its own from `AppConfig.ready()`; the worker writes them into
  the schedule when it starts, so the registry is the one place periodic jobs are declared.

A task that raises is recorded with its error (the admin's "Failed tasks", for
administrators) and run again, `TASKS_ATTEMPTS` times in all. See docs/decisions.md.
"""
