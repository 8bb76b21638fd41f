"""Reproduces flaskbb/flaskbb flaskbb/forum/views.py: MethodViews registered by a pluggy hook
implementation through register_view(bp, routes=[...], view_func=X.as_view(name))."""

from flask import Blueprint
from flask.views import MethodView
from flask_login import login_required
from pluggy import HookimplMarker

from flaskbb.utils.helpers import register_view

impl = HookimplMarker("flaskbb")


class ForumIndex(MethodView):
    def get(self, *args, **kwargs):
        return ""


class ViewCategory(MethodView):
    def get(self, *args, **kwargs):
        return ""


class ViewForum(MethodView):
    def get(self, *args, **kwargs):
        return ""


class ViewPost(MethodView):
    def get(self, *args, **kwargs):
        return ""


class ViewTopic(MethodView):
    def get(self, *args, **kwargs):
        return ""

    def post(self, *args, **kwargs):
        return ""


class NewTopic(MethodView):
    decorators = [login_required]

    def get(self, *args, **kwargs):
        return ""

    def post(self, *args, **kwargs):
        return ""


class EditTopic(MethodView):
    decorators = [login_required]

    def get(self, *args, **kwargs):
        return ""

    def post(self, *args, **kwargs):
        return ""


class ManageForum(MethodView):
    decorators = [login_required]

    def get(self, *args, **kwargs):
        return ""

    def post(self, *args, **kwargs):
        return ""


class NewPost(MethodView):
    decorators = [login_required]

    def get(self, *args, **kwargs):
        return ""

    def post(self, *args, **kwargs):
        return ""


class EditPost(MethodView):
    decorators = [login_required]

    def get(self, *args, **kwargs):
        return ""

    def post(self, *args, **kwargs):
        return ""


class ReportView(MethodView):
    decorators = [login_required]

    def get(self, *args, **kwargs):
        return ""

    def post(self, *args, **kwargs):
        return ""


class RawPost(MethodView):
    decorators = [login_required]

    def get(self, *args, **kwargs):
        return ""


class MarkRead(MethodView):
    decorators = [login_required]

    def post(self, *args, **kwargs):
        return ""


class WhoIsOnline(MethodView):
    def get(self, *args, **kwargs):
        return ""


class TopicTracker(MethodView):
    decorators = [login_required]

    def get(self, *args, **kwargs):
        return ""

    def post(self, *args, **kwargs):
        return ""


class TrackTopic(MethodView):
    decorators = [login_required]

    def post(self, *args, **kwargs):
        return ""


class UntrackTopic(MethodView):
    decorators = [login_required]

    def post(self, *args, **kwargs):
        return ""


class Search(MethodView):
    def get(self, *args, **kwargs):
        return ""

    def post(self, *args, **kwargs):
        return ""


class DeleteTopic(MethodView):
    decorators = [login_required]

    def post(self, *args, **kwargs):
        return ""


class LockTopic(MethodView):
    decorators = [login_required]

    def post(self, *args, **kwargs):
        return ""


class UnlockTopic(MethodView):
    decorators = [login_required]

    def post(self, *args, **kwargs):
        return ""


class HighlightTopic(MethodView):
    decorators = [login_required]

    def post(self, *args, **kwargs):
        return ""


class TrivializeTopic(MethodView):
    decorators = [login_required]

    def post(self, *args, **kwargs):
        return ""


class DeletePost(MethodView):
    decorators = [login_required]

    def post(self, *args, **kwargs):
        return ""


class MemberList(MethodView):
    def get(self, *args, **kwargs):
        return ""

    def post(self, *args, **kwargs):
        return ""


class HideTopic(MethodView):
    decorators = [login_required]

    def post(self, *args, **kwargs):
        return ""


class UnhideTopic(MethodView):
    decorators = [login_required]

    def post(self, *args, **kwargs):
        return ""


class HidePost(MethodView):
    decorators = [login_required]

    def post(self, *args, **kwargs):
        return ""


class UnhidePost(MethodView):
    decorators = [login_required]

    def post(self, *args, **kwargs):
        return ""


class MarkdownPreview(MethodView):
    def post(self, *args, **kwargs):
        return ""


@impl(tryfirst=True)
def flaskbb_load_blueprints(app):
    forum = Blueprint("forum", __name__)
    register_view(
        forum,
        routes=["/category/<int:category_id>", "/category/<int:category_id>-<slug>"],
        view_func=ViewCategory.as_view("view_category"),
    )
    register_view(
        forum,
        routes=["/forum/<int:forum_id>/edit", "/forum/<int:forum_id>-<slug>/edit"],
        view_func=ManageForum.as_view("manage_forum"),
    )
    register_view(
        forum,
        routes=["/forum/<int:forum_id>", "/forum/<int:forum_id>-<slug>"],
        view_func=ViewForum.as_view("view_forum"),
    )
    register_view(
        forum,
        routes=["/<int:forum_id>/markread", "/<int:forum_id>-<slug>/markread"],
        view_func=MarkRead.as_view("markread"),
    )
    register_view(
        forum,
        routes=["/<int:forum_id>/topic/new", "/<int:forum_id>-<slug>/topic/new"],
        view_func=NewTopic.as_view("new_topic"),
    )
    register_view(
        forum,
        routes=["/topic/<int:topic_id>/edit", "/topic/<int:topic_id>-<slug>/edit"],
        view_func=EditTopic.as_view("edit_topic"),
    )
    register_view(
        forum,
        routes=["/memberlist"],
        view_func=MemberList.as_view("memberlist"),
    )
    register_view(
        forum,
        routes=["/post/<int:post_id>/delete"],
        view_func=DeletePost.as_view("delete_post"),
    )
    register_view(
        forum,
        routes=["/post/<int:post_id>/edit"],
        view_func=EditPost.as_view("edit_post"),
    )
    register_view(
        forum,
        routes=["/post/<int:post_id>/raw"],
        view_func=RawPost.as_view("raw_post"),
    )
    register_view(
        forum,
        routes=["/post/<int:post_id>/report"],
        view_func=ReportView.as_view("report_post"),
    )
    register_view(
        forum,
        routes=["/post/<int:post_id>"],
        view_func=ViewPost.as_view("view_post"),
    )
    register_view(
        forum,
        routes=["/search"],
        view_func=Search.as_view("search"),
    )
    register_view(
        forum,
        routes=["/topic/<int:topic_id>/delete", "/topic/<int:topic_id>-<slug>/delete"],
        view_func=DeleteTopic.as_view("delete_topic"),
    )
    register_view(
        forum,
        routes=["/topic/<int:topic_id>/highlight", "/topic/<int:topic_id>-<slug>/highlight"],
        view_func=HighlightTopic.as_view("highlight_topic"),
    )
    register_view(
        forum,
        routes=["/topic/<int:topic_id>/lock", "/topic/<int:topic_id>-<slug>/lock"],
        view_func=LockTopic.as_view("lock_topic"),
    )
    register_view(
        forum,
        routes=[
            "/topic/<int:topic_id>/post/<int:post_id>/reply",
            "/topic/<int:topic_id>-<slug>/post/<int:post_id>/reply",
        ],
        view_func=NewPost.as_view("reply_post"),
    )
    register_view(
        forum,
        routes=["/topic/<int:topic_id>/post/new", "/topic/<int:topic_id>-<slug>/post/new"],
        view_func=NewPost.as_view("new_post"),
    )
    register_view(
        forum,
        routes=["/topic/<int:topic_id>", "/topic/<int:topic_id>-<slug>"],
        view_func=ViewTopic.as_view("view_topic"),
    )
    register_view(
        forum,
        routes=["/topic/<int:topic_id>/trivialize", "/topic/<int:topic_id>-<slug>/trivialize"],
        view_func=TrivializeTopic.as_view("trivialize_topic"),
    )
    register_view(
        forum,
        routes=["/topic/<int:topic_id>/unlock", "/topic/<int:topic_id>-<slug>/unlock"],
        view_func=UnlockTopic.as_view("unlock_topic"),
    )
    register_view(
        forum,
        routes=["/topictracker/<int:topic_id>/add", "/topictracker/<int:topic_id>-<slug>/add"],
        view_func=TrackTopic.as_view("track_topic"),
    )
    register_view(
        forum,
        routes=[
            "/topictracker/<int:topic_id>/delete",
            "/topictracker/<int:topic_id>-<slug>/delete",
        ],
        view_func=UntrackTopic.as_view("untrack_topic"),
    )
    register_view(
        forum,
        routes=["/topictracker"],
        view_func=TopicTracker.as_view("topictracker"),
    )
    register_view(
        forum,
        routes=["/"],
        view_func=ForumIndex.as_view("index"),
    )
    register_view(
        forum,
        routes=["/who-is-online"],
        view_func=WhoIsOnline.as_view("who_is_online"),
    )
    register_view(
        forum,
        routes=["/topic/<int:topic_id>/hide", "/topic/<int:topic_id>-<slug>/hide"],
        view_func=HideTopic.as_view("hide_topic"),
    )
    register_view(
        forum,
        routes=["/topic/<int:topic_id>/unhide", "/topic/<int:topic_id>-<slug>/unhide"],
        view_func=UnhideTopic.as_view("unhide_topic"),
    )
    register_view(
        forum,
        routes=["/post/<int:post_id>/hide"],
        view_func=HidePost.as_view("hide_post"),
    )
    register_view(
        forum,
        routes=["/post/<int:post_id>/unhide"],
        view_func=UnhidePost.as_view("unhide_post"),
    )
    register_view(
        forum,
        routes=["/markdown", "/markdown/<path:mode>"],
        view_func=MarkdownPreview.as_view("markdown_preview"),
    )

    app.register_blueprint(forum, url_prefix=app.config["FORUM_URL_PREFIX"])
