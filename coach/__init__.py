"""The coach itself: pure Python, nothing from Rasa. Both servers use it;
actions/ holds only the rasa_sdk adapters."""
